package org.exhibit.voice;

import org.exhibit.evidence.ErrorRate;
import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Threshold;
import org.exhibit.evidence.Verdict;
import org.exhibit.io.InputException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Screening: scores every candidate recording against the reference voice and ranks them, highest score first.
 * Likelihood ratios (and verdicts beyond inconclusive) only with a case calibration, as in
 * {@link VoiceComparison}. A candidate that cannot be decoded or holds too little speech is listed as skipped.
 */
public final class VoiceScan {

    private VoiceScan() {
    }

    /** One scored candidate. */
    record Scored(Recording rec, double score, double log10Lr, double speech, String cap) {
    }

    public static List<Finding> scan(List<VoiceComparison.Input> references, List<VoiceComparison.Input> candidates,
                                     BiConsumer<Integer, Integer> progress) throws InputException {
        return scan(references, candidates, VoiceComparison.Options.DEFAULT, progress);
    }

    /**
     * @param progress told (done, total) after each candidate, for a progress display
     */
    public static List<Finding> scan(List<VoiceComparison.Input> references, List<VoiceComparison.Input> candidates,
                                     VoiceComparison.Options o, BiConsumer<Integer, Integer> progress)
            throws InputException {
        SpeakerScorer scorer = o.scorerOrDefault();
        CaseCalibration cal = o.calibration();
        VoiceComparison.checkScorer(cal, scorer);
        List<Recording> refs = new ArrayList<>();
        for (VoiceComparison.Input r : references) {
            for (Recording rec : Recording.load(r, o.referenceWindow(), o.referenceChannel(), Recording.Split.REFUSE,
                    "reference")) {
                if (rec.analysis().enoughSpeech()) {
                    refs.add(rec);
                }
            }
        }
        if (refs.isEmpty()) {
            throw new InputException(references.get(0).file(), "no reference recording has at least "
                    + ClipAnalysis.MIN_SPEECH_SECONDS + " s of speech");
        }
        // the band is fixed by the references and the calibration; a narrowband candidate is compared in the
        // telephone band with the references re-measured there
        Channel.Band refBand = VoiceComparison.band(refs, List.of(), cal);
        List<Scored> scored = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        int done = 0;
        for (VoiceComparison.Input c : candidates) {
            try {
                for (Recording rec : Recording.load(c, Recording.Window.WHOLE, 0, Recording.Split.EACH, "candidate")) {
                    Channel.Band band = rec.analysis().bandwidth().narrowband() ? Channel.Band.TELEPHONE : refBand;
                    Recording a = rec.inBand(band);
                    if (!a.analysis().enoughSpeech()) {
                        skipped.put(a.label(), String.format(Locale.ROOT, "only %.2f s of speech",
                                a.analysis().speech().speechSeconds()));
                        continue;
                    }
                    List<double[]> emb = new ArrayList<>();
                    for (Recording r : refs) {
                        emb.add(scorer.embed(r.inBand(band).analysis()));
                    }
                    double s = scorer.score(emb, scorer.embed(a.analysis()));
                    double l = cal == null ? Double.NaN : cal.log10Lr(s);
                    String cap = null;
                    double snr = Math.min(a.analysis().snrDb(), refs.stream().mapToDouble(r -> r.analysis().snrDb())
                            .min().orElse(99));
                    double minSnr = cal == null ? Channel.MIN_SNR_DB : Math.max(cal.minimumSnrDb(), Channel.MIN_SNR_DB);
                    if (cal == null) {
                        cap = VerbalScale.UNCALIBRATED;
                    } else if (snr < minSnr) {
                        cap = String.format(Locale.ROOT, "inconclusive: SNR %.1f dB is below the minimum of %.0f dB",
                                snr, minSnr);
                    } else if (cal.bandValue() != band) {
                        cap = "inconclusive: compared in the " + band.words() + ", calibrated in the "
                                + cal.bandValue().words();
                    }
                    scored.add(new Scored(a, s, l, a.analysis().speech().speechSeconds(), cap));
                }
            } catch (InputException e) {
                skipped.put(c.exhibit().path(), e.problem());
            }
            progress.accept(++done, candidates.size());
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.rec().label()));
        List<Finding> out = new ArrayList<>();
        out.add(summary(scored, skipped, candidates.size(), cal, scorer));
        int rank = 0;
        for (Scored s : scored) {
            out.add(match(++rank, s, cal, scorer));
        }
        return out;
    }

    private static Finding summary(List<Scored> scored, Map<String, String> skipped, int total, CaseCalibration cal,
                                   SpeakerScorer scorer) {
        long hits = scored.stream().filter(s -> s.cap() == null && s.log10Lr() >= 1).count();
        Propositions p = Propositions.of("each candidate recording", VoiceComparison.populationWords(cal, scorer));
        Finding.Builder b = Finding.builder(VoiceComparison.ANALYZER, "voice.scan", VoiceComparison.LR_METHOD)
                .statement(String.format(Locale.ROOT, "Scanned %d files: %d recordings scored, %d skipped; %s %s",
                        total, scored.size(), skipped.size(), cal == null
                                ? "ranked by score only: without a case calibration no likelihood ratio is reported."
                                : hits + " with a likelihood ratio of at least 10 for the reference speaker ("
                                + cal.cite() + ").", p.sentence()))
                .measure("candidates", total, "")
                .measure("scored", scored.size(), "")
                .data("propositions", p);
        if (cal != null) {
            b.measure("LR >= 10", hits, "");
        }
        List<Map<String, Object>> ranking = new ArrayList<>();
        int rank = 0;
        for (Scored s : scored) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", ++rank);
            row.put("path", s.rec().label());
            row.put("score", Math.round(s.score() * 1e4) / 1e4);
            if (s.cap() == null) {
                row.put("log10Lr", Math.round(s.log10Lr() * 100) / 100.0);
            }
            row.put("speechSeconds", Math.round(s.speech() * 100) / 100.0);
            ranking.add(row);
        }
        b.data("ranking", ranking);
        if (!skipped.isEmpty()) {
            b.data("skipped", new java.util.TreeMap<>(skipped));
        }
        b.limitation(VoiceComparison.performanceWords(cal));
        VoiceComparison.limitations(b, scorer);
        return b.build();
    }

    private static Finding match(int rank, Scored s, CaseCalibration cal, SpeakerScorer scorer) {
        Propositions p = Propositions.of(s.rec().label(), VoiceComparison.populationWords(cal, scorer));
        Finding.Builder b = Finding.builder(VoiceComparison.ANALYZER, "voice.scan-match", VoiceComparison.LR_METHOD)
                .measure("rank", rank, "")
                .measure("score", s.score(), "cosine")
                .measure("speech", s.speech(), "s")
                .measure("SNR", s.rec().analysis().snrDb(), "dB")
                .data("propositions", p)
                .evidence(EvidencePointer.field(s.rec().input().exhibit(), "recording", s.rec().label()));
        if (s.cap() != null) {
            return b.verdict(Verdict.INCONCLUSIVE)
                    .statement(String.format(Locale.ROOT, "Rank %d: %s, score %.3f; %s.", rank, s.rec().label(),
                            s.score(), s.cap()))
                    .data("verbal", s.cap())
                    .build();
        }
        double l = s.log10Lr();
        VerbalScale.Level level = VerbalScale.level(l);
        double thr = l >= 2 ? 2 : l >= 1 ? 1 : 0;
        CaseCalibration.RateAt at = cal.ratesAt(thr);
        ErrorRate rate = at == null ? ErrorRate.notMeasured("no rates at " + thr) : new ErrorRate(
                at.falsePositiveRate(), at.falseNegativeRate(), at.targets() + at.nonTargets(),
                "exhibit voice calibrate (cross-validated) on " + cal.cite());
        return b.verdict(level.verdict())
                .statement(String.format(Locale.ROOT, "Rank %d: %s, score %.3f, LR %s (log10 LR %.2f): %s.", rank,
                        s.rec().label(), s.score(), VoiceComparison.lrText(l), l, level.words()))
                .measure("log10 LR", l, "log10")
                .data("verbal", level.words())
                .data("calibrationSha256", cal.sha256())
                .threshold(new Threshold("log10 LR", thr == 0 ? ">" : ">=", thr, rate))
                .build();
    }
}
