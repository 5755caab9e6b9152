package org.exhibit.voice;

import org.exhibit.evidence.ErrorRate;
import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Figure;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Method;
import org.exhibit.evidence.ModelUse;
import org.exhibit.evidence.Threshold;
import org.exhibit.evidence.Verdict;
import org.exhibit.io.InputException;
import org.exhibit.models.ModelRegistry;
import org.exhibit.models.ModelSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The voice analyzer: does a suspect recording point to the person heard in the reference recordings?
 * <p>
 * It always gives the score and its place among a stated population's scores. It gives a likelihood ratio, and
 * words on the ENFSI scale beyond "inconclusive", only with a calibration the user made for the case's
 * population and conditions ({@link CaseCalibration}, from {@code exhibit voice calibrate}); the build's own
 * calibration population is never presented as relevant to a case. Every finding states its propositions.
 * When either side is narrowband, both are compared in the telephone band; below the minimum SNR nothing
 * beyond inconclusive is claimed.
 */
public final class VoiceComparison {

    public static final String ANALYZER = "voice";
    public static final Method LR_METHOD = new Method("Speaker embedding, cosine score, logistic-regression "
            + "calibration on a stated population", "3", "Reynolds et al. 2000 (cepstral features); Dehak et al. "
            + "2011 (LDA, cosine scoring); Brümmer and du Preez 2006 (calibration, Cllr); Morrison and Enzinger "
            + "2016 (population and conditions of the calibration data); ENFSI evaluative reporting guideline "
            + "2015 (verbal scale)");

    private VoiceComparison() {
    }

    /** An input recording: its exhibit record and where to read it. */
    public record Input(Exhibit exhibit, Path file) {
    }

    /** Findings and the models they used. */
    public record Result(List<Finding> findings, List<ModelUse> models) {
    }

    /**
     * How a comparison is made.
     *
     * @param calibration      the case calibration, or null (then no LR is reported)
     * @param scorer           the speaker-embedding system, or null for the shipped classical one
     * @param referenceWindow  part of each reference recording
     * @param suspectWindow    part of each suspect recording
     * @param referenceChannel 1-based channel of the references when their channels differ, or 0
     * @param suspectChannel   1-based channel of the suspects when their channels differ, or 0 (each channel)
     */
    public record Options(CaseCalibration calibration, SpeakerScorer scorer, Recording.Window referenceWindow,
                          Recording.Window suspectWindow, int referenceChannel, int suspectChannel) {
        public static final Options DEFAULT = new Options(null, null, Recording.Window.WHOLE, Recording.Window.WHOLE,
                0, 0);

        public SpeakerScorer scorerOrDefault() {
            return scorer == null ? ClassicalScorer.shipped() : scorer;
        }
    }

    /** Wideband analysis of a whole file, channels averaged (for callers that want one clip per file). */
    public static ClipAnalysis analyse(Input in) throws InputException {
        Pcm pcm = AudioDecoder.decode(in.file(), in.exhibit().mediaType());
        if (pcm.samples().length == 0) {
            throw new InputException(in.file(), "decodes to no audio samples");
        }
        return ClipAnalysis.of(pcm);
    }

    public static Result compare(List<Input> references, List<Input> suspects) throws InputException {
        return compare(references, suspects, Options.DEFAULT);
    }

    public static Result compare(List<Input> references, List<Input> suspects, Options o) throws InputException {
        SpeakerScorer scorer = o.scorerOrDefault();
        checkScorer(o.calibration(), scorer);
        List<Recording> refs = new ArrayList<>();
        for (Input in : references) {
            refs.addAll(Recording.load(in, o.referenceWindow(), o.referenceChannel(), Recording.Split.REFUSE,
                    "reference"));
        }
        List<Recording> sus = new ArrayList<>();
        for (Input in : suspects) {
            sus.addAll(Recording.load(in, o.suspectWindow(), o.suspectChannel(), Recording.Split.EACH, "suspect"));
        }
        Channel.Band band = band(refs, sus, o.calibration());
        refs = refs.stream().map(r -> r.inBand(band)).toList();
        sus = sus.stream().map(r -> r.inBand(band)).toList();
        List<Finding> findings = new ArrayList<>();
        boolean vadModel = false;
        for (Recording r : refs) {
            findings.add(RecordingFinding.of(r));
            vadModel |= r.analysis().speech().usedModel();
        }
        for (Recording r : sus) {
            findings.add(RecordingFinding.of(r));
            vadModel |= r.analysis().speech().usedModel();
        }
        List<Recording> usableRefs = refs.stream().filter(r -> r.analysis().enoughSpeech()).toList();
        List<double[]> refEmb = new ArrayList<>();
        for (Recording r : usableRefs) {
            refEmb.add(scorer.embed(r.analysis()));
        }
        for (Recording s : sus) {
            Propositions p = propositions(s.label(), o.calibration(), scorer);
            if (usableRefs.isEmpty() || !s.analysis().enoughSpeech()) {
                findings.add(Finding.builder(ANALYZER, "voice.same-speaker", LR_METHOD)
                        .verdict(Verdict.INCONCLUSIVE)
                        .statement(s.label() + " was not compared: " + (usableRefs.isEmpty()
                                ? "no reference recording has " : "it does not have ") + "at least "
                                + ClipAnalysis.MIN_SPEECH_SECONDS + " s of speech. " + p.sentence())
                        .measure("suspect speech", s.analysis().speech().speechSeconds(), "s")
                        .data("propositions", p)
                        .limitation("A comparison needs speech in both recordings; the more, the steadier the "
                                + "statistics (tens of seconds are usual in casework).")
                        .build());
                continue;
            }
            double score = scorer.score(refEmb, scorer.embed(s.analysis()));
            findings.add(sameSpeaker(score, usableRefs, s, band, o.calibration(), scorer, p));
            findings.addAll(Breakdown.findings(usableRefs.stream().map(Recording::analysis).toList(), s.analysis(),
                    s.input().exhibit(), p));
        }
        List<ModelUse> models = new ArrayList<>();
        if (vadModel) {
            models.add(modelUse());
        }
        scorer.model().ifPresent(models::add);
        return new Result(findings, models);
    }

    /** A calibration is valid only for the system whose scores it was fitted on. */
    static void checkScorer(CaseCalibration c, SpeakerScorer scorer) throws InputException {
        if (c != null && !c.scorer().equals(scorer.id())) {
            throw new InputException(Path.of("calibration " + c.sha256().substring(0, 12)), "was made with "
                    + c.scorer() + ", but this comparison scores with " + scorer.id() + "; calibrate again with "
                    + "the same --speaker-model (or none)");
        }
    }

    /**
     * Telephone band when either side is narrowband or the calibration was made in it; wideband otherwise.
     */
    static Channel.Band band(List<Recording> refs, List<Recording> sus, CaseCalibration c) {
        boolean narrow = refs.stream().anyMatch(r -> r.analysis().bandwidth().narrowband())
                || sus.stream().anyMatch(r -> r.analysis().bandwidth().narrowband());
        if (narrow || (c != null && c.bandValue() == Channel.Band.TELEPHONE)) {
            return Channel.Band.TELEPHONE;
        }
        return Channel.Band.WIDE;
    }

    static Propositions propositions(String suspect, CaseCalibration c, SpeakerScorer scorer) {
        return Propositions.of(suspect, populationWords(c, scorer));
    }

    static String populationWords(CaseCalibration c, SpeakerScorer scorer) {
        return populationWords(c, scorer, Channel.Band.WIDE);
    }

    static String populationWords(CaseCalibration c, SpeakerScorer scorer, Channel.Band band) {
        if (c != null) {
            return "the population the calibration describes (" + c.population() + "; recorded: " + c.conditions()
                    + ")";
        }
        return "a population no one has described for this case (no calibration was given)";
    }

    static String defaultPopulation(SpeakerScorer scorer, Channel.Band band) {
        return scorer instanceof ClassicalScorer cs ? cs.backend(band).trainedOn()
                : "none for " + scorer.describe();
    }

    private static Finding sameSpeaker(double score, List<Recording> refs, Recording s, Channel.Band band,
                                       CaseCalibration cal, SpeakerScorer scorer, Propositions p) {
        Exhibit e = s.input().exhibit();
        String caseId = "voice-tippett-" + e.sha256().substring(0, 12) + figureSuffix(s);
        Finding.Builder b = Finding.builder(ANALYZER, "voice.same-speaker", LR_METHOD)
                .measure("score", score, "cosine")
                .measure("suspect speech", s.analysis().speech().speechSeconds(), "s")
                .measure("reference speech", refs.stream().mapToDouble(r -> r.analysis().speech().speechSeconds())
                        .sum(), "s")
                .measure("suspect SNR", s.analysis().snrDb(), "dB")
                .measure("lowest reference SNR", refs.stream().mapToDouble(r -> r.analysis().snrDb()).min()
                        .orElse(Double.NaN), "dB")
                .data("propositions", p)
                .data("band", band.words())
                .data("scorer", scorer.id());
        String bandWords = band == Channel.Band.TELEPHONE ? " Both sides were compared in the " + band.words()
                + " because " + narrowWhy(refs, s) + "." : "";
        double minSnr = cal != null ? Math.max(cal.minimumSnrDb(), Channel.MIN_SNR_DB) : Channel.MIN_SNR_DB;
        double lowest = Math.min(s.analysis().snrDb(), refs.stream().mapToDouble(r -> r.analysis().snrDb()).min()
                .orElse(99));
        if (cal == null) {
            Place place = placeInDefault(scorer, score, band);
            b.verdict(Verdict.INCONCLUSIVE)
                    .statement(String.format(Locale.ROOT, "%s scores %.3f against the reference voice. %s No "
                                    + "calibration for a population and recording conditions relevant to this case "
                                    + "was given, so no likelihood ratio is reported and the finding is "
                                    + "inconclusive.%s %s", s.label(), score, place.words(), bandWords,
                            p.sentence()))
                    .data("verbal", VerbalScale.UNCALIBRATED)
                    .data("calibration", "none (the build's default population is not case-relevant: "
                            + defaultPopulation(scorer, band) + ")");
            if (!Double.isNaN(place.differentAtOrAbove())) {
                b.measure("default-population different-speaker pairs at or above this score",
                        place.differentAtOrAbove(), "fraction");
                b.measure("default-population same-speaker pairs at or below this score",
                        place.sameAtOrBelow(), "fraction");
                b.figure(new Figure(caseId, "Scores of the build's default population (not chosen for this case): "
                        + "share of same-speaker (blue) and different-speaker (red) pairs at or above each score; "
                        + "black line: this comparison.", VoiceFigures.exceedance(place.targetScores(),
                        place.nonTargetScores(), score, -0.5, 1, "cosine score",
                        "Default population scores; this case at " + fmt(score))));
            }
            b.limitation("Without a calibration made with 'exhibit voice calibrate' on recordings of the relevant "
                    + "population under the case's conditions, the score cannot be turned into a likelihood ratio: "
                    + "the finding is inconclusive whatever the score.");
        } else {
            double l = cal.log10Lr(score);
            VerbalScale.Level level = VerbalScale.level(l);
            String cap = null;
            if (lowest < minSnr) {
                cap = String.format(Locale.ROOT, "the SNR of %.1f dB is below the minimum of %.0f dB", lowest, minSnr);
            } else if (cal.bandValue() != band) {
                cap = "the calibration was made in the " + cal.bandValue().words() + " but this comparison had to be "
                        + "made in the " + band.words();
            }
            b.data("calibration", cal.cite())
                    .data("calibrationSha256", cal.sha256())
                    .data("calibrationPerformance", cal.performance());
            if (cap != null) {
                b.verdict(Verdict.INCONCLUSIVE)
                        .statement(String.format(Locale.ROOT, "%s scores %.3f against the reference voice; %s, which "
                                        + "the calibration does not cover, so no likelihood ratio is reported: "
                                        + "inconclusive.%s %s", s.label(), score, cap, bandWords, p.sentence()))
                        .data("verbal", "inconclusive: " + cap);
            } else {
                b.verdict(level.verdict())
                        .statement(String.format(Locale.ROOT, "Comparing %s with the reference voice gives a "
                                        + "likelihood ratio of %s (log10 LR %.2f): the score is %s times more "
                                        + "probable if Hp is true than if Hd is. On the ENFSI scale: %s.%s %s",
                                s.label(), lrText(l), l, lrText(l), level.words(), bandWords, p.sentence()))
                        .measure("log10 LR", l, "log10")
                        .measure("LR", Math.pow(10, l), "")
                        .data("verbal", level.words());
                double thr = l >= 2 ? 2 : l >= 1 ? 1 : 0;
                CaseCalibration.RateAt at = cal.ratesAt(thr);
                ErrorRate rate = at == null ? ErrorRate.notMeasured("the calibration file has no rates at " + thr)
                        : new ErrorRate(at.falsePositiveRate(), at.falseNegativeRate(), at.targets() + at.nonTargets(),
                        "exhibit voice calibrate, leave-one-speaker-out cross-validation on " + cal.cite());
                b.threshold(new Threshold("log10 LR", thr == 0 ? ">" : ">=", thr, rate));
                b.figure(new Figure(caseId, "Tippett plot of the calibration population's cross-validated trials "
                        + "(blue: same speaker, red: different speakers; share of trials at or above each log10 LR), "
                        + "black line: this case.", VoiceFigures.tippett(cal.targetLog10Lr(), cal.nonTargetLog10Lr(),
                        l, "Tippett plot, calibration " + cal.sha256().substring(0, 12) + "; this case at log10 LR "
                                + fmt(l))));
            }
            b.limitation("The likelihood ratio holds only for the population and conditions the calibration "
                    + "describes (" + cal.population() + "; " + cal.conditions() + "); if Hd's population or the "
                    + "recording conditions of this case differ, it does not apply.");
        }
        if (lowest < minSnr) {
            b.limitation(String.format(Locale.ROOT, "Below %.0f dB SNR the features are dominated by noise; no claim "
                    + "beyond inconclusive is made.", minSnr));
        }
        b.limitation(performanceWords(cal));
        for (int[] seg : s.analysis().speech().segments()) {
            b.evidence(EvidencePointer.time(e, "speech (" + s.analysis().speech().method() + ")",
                    s.offset() + seg[0] / 16000.0, s.offset() + seg[1] / 16000.0));
        }
        for (Recording r : refs) {
            b.evidence(EvidencePointer.field(r.input().exhibit(), "reference recording", r.label()));
        }
        limitations(b, scorer);
        return b.build();
    }

    static String figureSuffix(Recording s) {
        int at = s.label().lastIndexOf("(channel ");
        return at < 0 ? "" : "-ch" + s.label().substring(at + 9).split(" ")[0].replace(")", "");
    }

    private static String narrowWhy(List<Recording> refs, Recording s) {
        List<String> why = new ArrayList<>();
        for (Recording r : refs) {
            if (r.analysis().bandwidth().narrowband()) {
                why.add(r.label() + " is narrowband (" + r.analysis().bandwidth().why() + ")");
            }
        }
        if (s.analysis().bandwidth().narrowband()) {
            why.add(s.label() + " is narrowband (" + s.analysis().bandwidth().why() + ")");
        }
        return why.isEmpty() ? "the calibration was made in that band" : String.join("; ", why);
    }

    /** The method's measured performance, in words, for every finding's limitations. */
    static String performanceWords(CaseCalibration cal) {
        if (cal != null) {
            return "Performance of this system on the calibration population (leave-one-speaker-out "
                    + "cross-validation, 95 % intervals from a bootstrap over speakers): " + cal.performance().get("summary") + ".";
        }
        return "Measured error rates of the classical system: " + ErrorRatesText.summary() + ".";
    }

    /** Where a score lies among the default population's trial scores. */
    record Place(String words, double differentAtOrAbove, double sameAtOrBelow, double[] targetScores,
                 double[] nonTargetScores) {
    }

    static Place placeInDefault(SpeakerScorer scorer, double score, Channel.Band band) {
        if (!(scorer instanceof ClassicalScorer cs) || cs.backend(band).nonTargetLog10Lr() == null) {
            return new Place("There is no default population for this system to place the score among.", Double.NaN,
                    Double.NaN, null, null);
        }
        VoiceBackend b = cs.backend(band);
        double[] t = toScores(b, b.targetLog10Lr());
        double[] n = toScores(b, b.nonTargetLog10Lr());
        double above = shareAtOrAbove(n, score);
        double below = 1 - shareAtOrAbove(t, score) + shareEqual(t, score);
        String w = String.format(Locale.ROOT, "Among the build's default population (%s; %d different-speaker and "
                        + "%d same-speaker pairs), about %.0f %% of different-speaker pairs scored as high or higher "
                        + "and about %.0f %% of same-speaker pairs as low or lower. That population was not chosen "
                        + "for this case, and its voices are synthetic: these shares do not carry over to real "
                        + "speakers (on real voices different speakers often score higher).", b.trainedOn(),
                b.nonTargetTrials(), b.targetTrials(), 100 * above, 100 * below);
        return new Place(w, above, below, t, n);
    }

    /** The backend's log10-LR quantiles mapped back to scores through its (linear) calibration. */
    private static double[] toScores(VoiceBackend b, double[] log10) {
        return Arrays.stream(log10).map(l -> (l * Math.log(10) - b.calibration().offset()) / b.calibration().slope())
                .toArray();
    }

    private static double shareAtOrAbove(double[] q, double x) {
        return Arrays.stream(q).filter(v -> v >= x).count() / (double) q.length;
    }

    private static double shareEqual(double[] q, double x) {
        return Arrays.stream(q).filter(v -> v == x).count() / (double) q.length;
    }

    static void limitations(Finding.Builder b) {
        limitations(b, ClassicalScorer.shipped());
    }

    static void limitations(Finding.Builder b, SpeakerScorer scorer) {
        if (scorer instanceof ClassicalScorer) {
            b.limitation("No speaker-embedding network ships with this build: without --speaker-model the "
                    + "comparison rests on classical features (MFCC and delta statistics, F0, formants) with a "
                    + "linear projection, which separate voices far less well than neural speaker embeddings.");
        } else {
            b.limitation("The speaker embeddings come from a model file the user supplied (" + scorer.describe()
                    + "); this build has not measured its accuracy.");
        }
        b.limitation("A voice clone is built to sound like its target: a high score says the voices are alike "
                        + "to this system, not who or what produced the suspect recording.")
                .limitation("Channel, language, emotion, health and recording length all shift the features; a "
                        + "likelihood ratio is only as relevant as the calibration population and conditions.");
    }

    static String lrText(double l) {
        double lr = Math.pow(10, l);
        if (lr >= 1) {
            return String.format(Locale.ROOT, lr >= 100 ? "%.0f" : "%.1f", lr);
        }
        return String.format(Locale.ROOT, "1/%s", String.format(Locale.ROOT, 1 / lr >= 100 ? "%.0f" : "%.1f", 1 / lr));
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** The VAD model, when this machine has it (the scan reports it among its models). */
    public static List<ModelUse> vadModels() {
        return org.exhibit.models.ModelStore.isPresent(ModelRegistry.builtIn().get("silero-vad"))
                ? List.of(modelUse()) : List.of();
    }

    private static ModelUse modelUse() {
        ModelSpec spec = ModelRegistry.builtIn().get("silero-vad");
        return new ModelUse(spec.name(), spec.version(), spec.sha256(), spec.source().describe(), spec.licence());
    }
}
