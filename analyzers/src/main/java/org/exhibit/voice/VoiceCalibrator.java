package org.exhibit.voice;

import org.exhibit.evidence.Figure;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Method;
import org.exhibit.evidence.Verdict;
import org.exhibit.evidence.ToolInfo;
import org.exhibit.io.InputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits a case calibration ({@link CaseCalibration}) from a population of speakers: every pair of usable
 * recordings is a trial (same speaker or not), scored as a comparison would score it; a logistic regression
 * maps score to log LR. Performance is measured by leave-one-speaker-out cross-validation (each trial is scored
 * by a calibration fitted without its first speaker's trials): Cllr, minCllr (PAV), EER, each with a 95 %
 * interval from a bootstrap over speakers, Clopper-Pearson intervals on the counts at the EER threshold, and
 * error rates at LR 1, 10 and 100. The fitted calibration itself uses every trial.
 */
public final class VoiceCalibrator {

    public static final Method METHOD = new Method("Logistic-regression calibration with leave-one-speaker-out "
            + "cross-validation", "1", "Brümmer and du Preez 2006 (linear calibration, Cllr, minCllr via PAV); "
            + "Morrison 2013 (calibration in forensic voice comparison); Vergeer et al. 2016 (bounds on LRs from "
            + "small calibration sets); Clopper and Pearson 1934");
    static final int BOOTSTRAP = 500;

    private VoiceCalibrator() {
    }

    /** A population recording: speaker (its folder name) and file. */
    public record Member(String speaker, VoiceComparison.Input input) {
    }

    /**
     * @param description who the population is, in the user's words
     * @param conditions  how they were recorded, in the user's words
     * @param band        band to measure in, or null: telephone band when any recording is narrowband
     * @param scorer      embedding system, or null for the classical one
     * @param minSnrDb    the minimum SNR written into the file
     */
    public record Options(String description, String conditions, Channel.Band band, SpeakerScorer scorer,
                          double minSnrDb) {
    }

    /** The fitted file, its bytes and SHA-256, and the report findings. */
    public record Result(CaseCalibration calibration, byte[] json, String sha256, List<Finding> findings) {
    }

    public static Result calibrate(Path population, List<Member> members, Options o) throws InputException {
        SpeakerScorer scorer = o.scorer() == null ? ClassicalScorer.shipped() : o.scorer();
        Map<String, String> skipped = new TreeMap<>();
        List<String> speakers = new ArrayList<>();
        List<Recording> recs = new ArrayList<>();
        List<Integer> who = new ArrayList<>();
        for (Member m : members) {
            try {
                for (Recording r : Recording.load(m.input(), Recording.Window.WHOLE, 0, Recording.Split.REFUSE,
                        "population")) {
                    if (!speakers.contains(m.speaker())) {
                        speakers.add(m.speaker());
                    }
                    recs.add(r);
                    who.add(speakers.indexOf(m.speaker()));
                }
            } catch (InputException e) {
                skipped.put(m.input().exhibit().path(), e.problem());
            }
        }
        boolean narrow = recs.stream().anyMatch(r -> r.analysis().bandwidth().narrowband());
        Channel.Band band = o.band() != null ? o.band() : narrow ? Channel.Band.TELEPHONE : Channel.Band.WIDE;
        List<double[]> emb = new ArrayList<>();
        List<Integer> spk = new ArrayList<>();
        Map<String, Map<String, String>> used = new TreeMap<>();
        for (int i = 0; i < recs.size(); i++) {
            Recording r = recs.get(i).inBand(band);
            if (!r.analysis().enoughSpeech()) {
                skipped.put(r.label(), String.format(Locale.ROOT, "only %.2f s of speech",
                        r.analysis().speech().speechSeconds()));
                continue;
            }
            emb.add(scorer.embed(r.analysis()));
            spk.add(who.get(i));
            used.computeIfAbsent(speakers.get(who.get(i)), k -> new TreeMap<>())
                    .put(r.input().file().getFileName().toString(), r.input().exhibit().sha256());
        }
        int[] count = new int[speakers.size()];
        spk.forEach(s -> count[s]++);
        long withTwo = Arrays.stream(count).filter(c -> c >= 2).count();
        if (withTwo < 3) {
            throw new InputException(population, "a calibration needs at least 3 speakers with 2 or more usable "
                    + "recordings each (one folder per speaker); found " + withTwo
                    + (skipped.isEmpty() ? "" : "; skipped: " + skipped));
        }
        // trials: every pair of recordings, ordered so that speakerA <= speakerB
        List<double[]> trials = new ArrayList<>(); // {score, target, a, b}
        for (int i = 0; i < emb.size(); i++) {
            for (int j = i + 1; j < emb.size(); j++) {
                int a = Math.min(spk.get(i), spk.get(j));
                int b = Math.max(spk.get(i), spk.get(j));
                trials.add(new double[]{SpeakerScorer.cosine(emb.get(i), emb.get(j)), a == b ? 1 : 0, a, b});
            }
        }
        int m = trials.size();
        double[] score = new double[m];
        boolean[] target = new boolean[m];
        int[] sa = new int[m];
        int[] sb = new int[m];
        for (int k = 0; k < m; k++) {
            score[k] = trials.get(k)[0];
            target[k] = trials.get(k)[1] == 1;
            sa[k] = (int) trials.get(k)[2];
            sb[k] = (int) trials.get(k)[3];
        }
        int nSpk = speakers.size();
        long speakersWithTargets = Arrays.stream(count).filter(c -> c >= 2).count();
        long activeSpeakers = Arrays.stream(count).filter(c -> c >= 1).count();
        double maxL = Math.log10(activeSpeakers * (activeSpeakers - 1) / 2.0);
        double minL = -Math.log10(speakersWithTargets);
        double[] cv = new double[m];
        for (int s = 0; s < nSpk; s++) {
            List<Double> t = new ArrayList<>();
            List<Double> n = new ArrayList<>();
            boolean any = false;
            for (int k = 0; k < m; k++) {
                if (sa[k] != s && sb[k] != s) {
                    (target[k] ? t : n).add(score[k]);
                }
                any |= sa[k] == s;
            }
            if (!any) {
                continue;
            }
            Calibration c = Calibration.fit(t.stream().mapToDouble(Double::doubleValue).toArray(),
                    n.stream().mapToDouble(Double::doubleValue).toArray());
            for (int k = 0; k < m; k++) {
                if (sa[k] == s) {
                    cv[k] = bound(c.lnLr(score[k]) / Math.log(10), minL, maxL);
                }
            }
        }
        double[] tScores = select(score, target, true);
        double[] nScores = select(score, target, false);
        Calibration all = Calibration.fit(tScores, nScores);
        double[] resub = Arrays.stream(score).map(x -> bound(all.lnLr(x) / Math.log(10), minL, maxL)).toArray();

        Performance.Interval cllr = Performance.bootstrap(w -> Performance.cllr(cv, target, w), sa, sb, nSpk,
                BOOTSTRAP, 1);
        Performance.Interval minCllr = Performance.bootstrap(w -> Performance.minCllr(score, target, w), sa, sb,
                nSpk, BOOTSTRAP, 2);
        Performance.Interval eer = Performance.bootstrap(w -> Performance.eer(score, target, w).rate(), sa, sb,
                nSpk, BOOTSTRAP, 3);
        Performance.Eer counts = Performance.eer(score, target, null);
        double[] missCp = Performance.clopperPearson(counts.misses(), counts.targets(), 0.95);
        double[] faCp = Performance.clopperPearson(counts.falseAlarms(), counts.nonTargets(), 0.95);
        double resubCllr = Performance.cllr(resub, target, null);
        Double defaultCllr = null;
        Map<String, Object> before = new LinkedHashMap<>();
        if (scorer instanceof ClassicalScorer cs && cs == ClassicalScorer.shipped() && band == Channel.Band.WIDE) {
            VoiceBackend b = cs.backend();
            double[] dl = Arrays.stream(score).map(b::log10Lr).toArray();
            defaultCllr = Performance.cllr(dl, target, null);
            int fp10 = 0, nn = 0;
            for (int k = 0; k < m; k++) {
                if (!target[k]) {
                    nn++;
                    fp10 += dl[k] >= 1 ? 1 : 0;
                }
            }
            before.put("cllr", r4(defaultCllr));
            before.put("differentSpeakerTrialsAtLr10OrMore", r4(fp10 / (double) nn));
            before.put("note", "the build's default (synthetic-voice) calibration applied to this population, as "
                    + "exhibit before version 3 of the method reported it");
        }
        List<CaseCalibration.RateAt> rates = new ArrayList<>();
        for (double thr : new double[]{0, 1, 2}) {
            int fp = 0, fn = 0, nt = 0, nn = 0;
            for (int k = 0; k < m; k++) {
                boolean yes = thr == 0 ? cv[k] > 0 : cv[k] >= thr;
                if (target[k]) {
                    nt++;
                    fn += yes ? 0 : 1;
                } else {
                    nn++;
                    fp += yes ? 1 : 0;
                }
            }
            rates.add(new CaseCalibration.RateAt(thr, r4(fp / (double) nn), round(Performance.clopperPearson(fp, nn,
                    0.95)), r4(fn / (double) nt), round(Performance.clopperPearson(fn, nt, 0.95)), nt, nn));
        }
        String summary = String.format(Locale.ROOT, "%d speakers, %d recordings, %d same-speaker and %d "
                        + "different-speaker trials in the %s; cross-validated Cllr %.3f [%.3f, %.3f], minCllr %.3f "
                        + "[%.3f, %.3f], EER %.1f %% [%.1f, %.1f] (bootstrap over speakers); at the EER threshold "
                        + "%d/%d misses (Clopper-Pearson %.1f-%.1f %%) and %d/%d false alarms (%.1f-%.1f %%)",
                activeSpeakers, emb.size(), tScores.length, nScores.length, band.words(), cllr.value(), cllr.low(),
                cllr.high(), minCllr.value(), minCllr.low(), minCllr.high(), 100 * eer.value(), 100 * eer.low(),
                100 * eer.high(), counts.misses(), counts.targets(), 100 * missCp[0], 100 * missCp[1],
                counts.falseAlarms(), counts.nonTargets(), 100 * faCp[0], 100 * faCp[1]);
        Map<String, Object> perf = new LinkedHashMap<>();
        perf.put("summary", summary);
        perf.put("validation", "leave-one-speaker-out cross-validation; intervals: 95 % percentile bootstrap over "
                + "speakers (" + BOOTSTRAP + " replicates) and Clopper-Pearson on trial counts");
        perf.put("cllr", interval(cllr));
        perf.put("minCllr", interval(minCllr));
        perf.put("eer", interval(eer));
        perf.put("eerCounts", Map.of("misses", counts.misses(), "targets", counts.targets(), "missInterval",
                round(missCp), "falseAlarms", counts.falseAlarms(), "nonTargets", counts.nonTargets(),
                "falseAlarmInterval", round(faCp)));
        perf.put("cllrFittedOnAll", r4(resubCllr));
        if (defaultCllr != null) {
            perf.put("defaultCalibrationOnThisPopulation", before);
        }
        perf.put("speakers", activeSpeakers);
        perf.put("recordings", emb.size());
        double[] cvT = select(cv, target, true);
        double[] cvN = select(cv, target, false);
        CaseCalibration cal = new CaseCalibration(CaseCalibration.FORMAT, ToolInfo.current().name() + " "
                + ToolInfo.current().version(), o.description(), o.conditions(), scorer.id(), scorer.describe(),
                band.name(), o.minSnrDb(), used, all.slope(), all.offset(), r4(minL), r4(maxL), tScores.length,
                nScores.length, round(VoiceFigures.quantiles(tScores, 101)), round(VoiceFigures.quantiles(nScores, 101)),
                round(VoiceFigures.quantiles(cvT, 101)), round(VoiceFigures.quantiles(cvN, 101)), perf, rates, null);
        byte[] json;
        try {
            json = cal.toJson();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String sha = org.exhibit.evidence.Hashing.sha256Hex(json);
        List<Finding> findings = new ArrayList<>();
        Finding.Builder b = Finding.builder(VoiceComparison.ANALYZER, "voice.calibration", METHOD)
                .verdict(Verdict.INFO)
                .statement("Calibration " + sha.substring(0, 16) + "… fitted on " + o.description() + " (" + o.conditions()
                        + "): " + summary + ". Propositions it serves: Hp, the suspect is the reference speaker; Hd, "
                        + "the suspect is a different speaker from this population.")
                .measure("speakers", activeSpeakers, "")
                .measure("recordings", emb.size(), "")
                .measure("same-speaker trials", tScores.length, "")
                .measure("different-speaker trials", nScores.length, "")
                .measure("Cllr (cross-validated)", cllr.value(), "bits")
                .measure("Cllr 95% low", cllr.low(), "bits")
                .measure("Cllr 95% high", cllr.high(), "bits")
                .measure("minCllr", minCllr.value(), "bits")
                .measure("minCllr 95% low", minCllr.low(), "bits")
                .measure("minCllr 95% high", minCllr.high(), "bits")
                .measure("EER", eer.value(), "fraction")
                .measure("EER 95% low", eer.low(), "fraction")
                .measure("EER 95% high", eer.high(), "fraction")
                .measure("Cllr fitted on all trials", resubCllr, "bits")
                .measure("slope", all.slope(), "ln LR per score")
                .measure("offset", all.offset(), "ln LR")
                .measure("highest log10 LR", maxL, "log10")
                .measure("lowest log10 LR", minL, "log10")
                .data("calibrationSha256", sha)
                .data("population", o.description())
                .data("conditions", o.conditions())
                .data("band", band.words())
                .data("scorer", scorer.id())
                .data("errorRates", rates)
                .data("propositions", new Propositions("Hp: a questioned recording is of the reference speaker.",
                        "Hd: it is of a different speaker drawn from " + o.description() + "."));
        if (defaultCllr != null) {
            b.measure("Cllr of the build's default calibration on this population", defaultCllr, "bits");
        }
        if (!skipped.isEmpty()) {
            b.data("skipped", skipped);
        }
        b.figure(new Figure("voice-calibration-tippett", "Tippett plot of the cross-validated trials: share of "
                + "same-speaker (blue) and different-speaker (red) trials at or above each log10 LR.",
                VoiceFigures.tippett(cvT.length == 0 ? new double[1] : VoiceFigures.quantiles(cvT, 101),
                        VoiceFigures.quantiles(cvN, 101), Double.NaN, "Tippett plot (leave-one-speaker-out)")));
        b.figure(new Figure("voice-calibration-scores", "Scores of the population's trials: share of same-speaker "
                + "(blue) and different-speaker (red) pairs at or above each score.",
                VoiceFigures.exceedance(VoiceFigures.quantiles(tScores, 101), VoiceFigures.quantiles(nScores, 101),
                        Double.NaN, -0.5, 1, "cosine score", "Population scores")));
        b.limitation("Trials are pairs of recordings and are not independent: pairs that share a speaker move "
                        + "together. The bootstrap over speakers accounts for that; the Clopper-Pearson intervals "
                        + "treat trials as independent and are too narrow.")
                .limitation(String.format(Locale.ROOT, "With %d speakers the likelihood ratio is bounded to "
                        + "[%s, %s]: a small population cannot support larger values.", activeSpeakers,
                        VoiceComparison.lrText(minL), VoiceComparison.lrText(maxL)))
                .limitation("Calibration trials compare one recording with one; a comparison with several "
                        + "reference recordings scores against their mean embedding, which tends to score higher "
                        + "for the same speaker than a single recording does.")
                .limitation("The calibration is relevant only to cases whose Hd population and recording conditions "
                        + "match what is described here; the tool cannot check that description.");
        if (activeSpeakers < 20) {
            b.limitation("Fewer than 20 speakers: the intervals are wide and the fitted calibration rests on few "
                    + "independent voices.");
        }
        findings.add(b.build());
        return new Result(cal, json, sha, findings);
    }

    private static Map<String, Double> interval(Performance.Interval i) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("value", r4(i.value()));
        m.put("low", r4(i.low()));
        m.put("high", r4(i.high()));
        return m;
    }

    private static double bound(double l, double lo, double hi) {
        return Math.max(lo, Math.min(hi, l));
    }

    private static double[] select(double[] v, boolean[] target, boolean which) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            if (target[i] == which) {
                out.add(v[i]);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double r4(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? v : Math.round(v * 1e4) / 1e4;
    }

    private static double[] round(double[] v) {
        return Arrays.stream(v).map(VoiceCalibrator::r4).toArray();
    }
}
