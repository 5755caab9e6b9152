package org.exhibit.voice;

import org.exhibit.bench.ErrorRates;
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
import java.util.List;
import java.util.Locale;

/**
 * The voice analyzer: does a suspect recording point to the person heard in the reference recordings? Gives a
 * calibrated likelihood ratio from the classical voiceprint ({@link Voiceprint}, {@link VoiceBackend}) and the
 * court-facing breakdown (timbre, intonation, tempo and pauses) with figures.
 */
public final class VoiceComparison {

    public static final String ANALYZER = "voice";
    public static final Method LR_METHOD = new Method("MFCC/F0/formant statistics, LDA, cosine, logistic-regression "
            + "calibration", "2", "Reynolds et al. 2000 (cepstral features); Dehak et al. 2011 (LDA, cosine scoring); "
            + "Brümmer and du Preez 2006 (calibration, Cllr); ENFSI evaluative reporting guideline 2015 (verbal scale)");

    private VoiceComparison() {
    }

    /** An input recording: its exhibit record and where to read it. */
    public record Input(Exhibit exhibit, Path file) {
    }

    /** Findings and the models they used. */
    public record Result(List<Finding> findings, List<ModelUse> models) {
    }

    public static ClipAnalysis analyse(Input in) throws InputException {
        Pcm pcm = AudioDecoder.decode(in.file(), in.exhibit().mediaType());
        if (pcm.samples().length == 0) {
            throw new InputException(in.file(), "decodes to no audio samples");
        }
        return ClipAnalysis.of(pcm);
    }

    public static Result compare(List<Input> references, List<Input> suspects) throws InputException {
        List<Finding> findings = new ArrayList<>();
        List<ClipAnalysis> refs = new ArrayList<>();
        List<ClipAnalysis> sus = new ArrayList<>();
        boolean model = false;
        for (Input in : references) {
            ClipAnalysis a = analyse(in);
            refs.add(a);
            findings.add(RecordingFinding.of(in.exhibit(), a));
            model |= a.speech().usedModel();
        }
        for (Input in : suspects) {
            ClipAnalysis a = analyse(in);
            sus.add(a);
            findings.add(RecordingFinding.of(in.exhibit(), a));
            model |= a.speech().usedModel();
        }
        List<ClipAnalysis> usableRefs = refs.stream().filter(ClipAnalysis::enoughSpeech).toList();
        VoiceBackend backend = VoiceBackend.shipped();
        for (int i = 0; i < suspects.size(); i++) {
            ClipAnalysis s = sus.get(i);
            Exhibit e = suspects.get(i).exhibit();
            if (usableRefs.isEmpty() || !s.enoughSpeech()) {
                findings.add(Finding.builder(ANALYZER, "voice.same-speaker", LR_METHOD)
                        .verdict(Verdict.INCONCLUSIVE)
                        .statement(e.path() + " was not compared: " + (usableRefs.isEmpty()
                                ? "no reference recording has " : "it does not have ") + "at least "
                                + ClipAnalysis.MIN_SPEECH_SECONDS + " s of speech.")
                        .measure("suspect speech", s.speech().speechSeconds(), "s")
                        .limitation("A comparison needs speech in both recordings; the more, the steadier the "
                                + "statistics (tens of seconds are usual in casework).")
                        .build());
                continue;
            }
            findings.add(sameSpeaker(backend, usableRefs, references, s, e));
            findings.addAll(Breakdown.findings(usableRefs, s, e));
        }
        return new Result(findings, model ? List.of(modelUse()) : List.of());
    }

    /** Score of a suspect against the references: cosine to the mean of the reference embeddings. */
    public static double score(VoiceBackend backend, List<ClipAnalysis> refs, ClipAnalysis suspect) {
        int k = backend.projection().length;
        double[] mean = new double[k];
        for (ClipAnalysis r : refs) {
            double[] e = backend.embed(r.voiceprint());
            for (int j = 0; j < k; j++) {
                mean[j] += e[j];
            }
        }
        double norm = Math.sqrt(VoiceBackend.cosine(mean, mean));
        for (int j = 0; j < k; j++) {
            mean[j] = norm == 0 ? 0 : mean[j] / norm;
        }
        return VoiceBackend.cosine(mean, backend.embed(suspect.voiceprint()));
    }

    private static Finding sameSpeaker(VoiceBackend backend, List<ClipAnalysis> refs, List<Input> refInputs,
                                       ClipAnalysis s, Exhibit e) {
        double score = score(backend, refs, s);
        double l = backend.log10Lr(score);
        Verdict v = l >= 2 ? Verdict.STRONGLY_INDICATES : l >= 1 ? Verdict.INDICATES
                : l <= -1 ? Verdict.CONTRADICTS : Verdict.INCONCLUSIVE;
        String rate = l >= 2 ? "voice-lr>=100" : l >= 1 ? "voice-lr>=10" : "voice-lr>1";
        double thr = l >= 2 ? 2 : l >= 1 ? 1 : 0;
        String caseId = "voice-tippett-" + e.sha256().substring(0, 12);
        Finding.Builder b = Finding.builder(ANALYZER, "voice.same-speaker", LR_METHOD)
                .verdict(v)
                .statement(String.format(Locale.ROOT, "Comparing %s with the reference voice gives a likelihood "
                        + "ratio of %s (log10 LR %.2f): %s, on this method's synthetic calibration.", e.path(),
                        lrText(l), l, VerbalScale.describe(l)))
                .measure("cosine score", score, "")
                .measure("log10 LR", l, "log10")
                .measure("LR", Math.pow(10, l), "")
                .measure("suspect speech", s.speech().speechSeconds(), "s")
                .measure("reference speech", refs.stream().mapToDouble(r -> r.speech().speechSeconds()).sum(), "s")
                .threshold(new Threshold("log10 LR", l >= 1 ? ">=" : ">", thr, ErrorRates.of("voice", rate)))
                .figure(new Figure(caseId, "Tippett plot of the calibration trials (blue: same speaker, red: "
                        + "different speakers; share of trials at or above each log10 LR), black line: this case.",
                        VoiceFigures.tippett(backend.targetLog10Lr(), backend.nonTargetLog10Lr(), l,
                                "Tippett plot, calibration trials; this case at log10 LR " + fmt(l))))
                .data("verbal", VerbalScale.describe(l))
                .data("calibration", backend.trainedOn())
                .data("performance", "EER and Cllr on held-out synthetic speakers: exhibit bench voice "
                        + "(analyzers/src/main/resources/org/exhibit/voice/error-rates.json)");
        for (int[] seg : s.speech().segments()) {
            b.evidence(EvidencePointer.time(e, "speech (" + s.speech().method() + ")", seg[0] / 16000.0,
                    seg[1] / 16000.0));
        }
        for (Input r : refInputs) {
            b.evidence(EvidencePointer.field(r.exhibit(), "reference recording", "whole"));
        }
        limitations(b);
        return b.build();
    }

    static void limitations(Finding.Builder b) {
        b.limitation("No trained speaker-embedding network can be had on this system: the comparison rests on "
                        + "classical features (MFCC and delta statistics, F0, formants) with a linear projection, "
                        + "which separate voices far less well than modern neural speaker embeddings.")
                .limitation("The projection and the calibration were trained on synthetic source-filter voices, "
                        + "not on recordings of real people: the likelihood ratio is not validated on real "
                        + "speech and must not be reported as such without calibration on relevant real data.")
                .limitation("A voice clone is built to sound like its target: a high LR says the voices are alike "
                        + "in these features, not who or what produced the suspect recording.")
                .limitation("Channel, language, emotion, health and recording length all shift the features; "
                        + "the calibration covers only the pitch, tempo, tilt, noise and sample-rate changes of "
                        + "its synthetic corpus.");
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
