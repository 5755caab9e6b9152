package org.exhibit.voice;

import org.exhibit.bench.ErrorRates;
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
 * Screening: scores every candidate recording against the reference voice and ranks them, highest likelihood
 * ratio first. A candidate that cannot be decoded or holds too little speech is listed as skipped, not fatal.
 */
public final class VoiceScan {

    private VoiceScan() {
    }

    /** One scored candidate. */
    record Scored(VoiceComparison.Input input, double score, double log10Lr, double speech) {
    }

    /**
     * @param progress told (done, total) after each candidate, for a progress display
     */
    public static List<Finding> scan(List<VoiceComparison.Input> references, List<VoiceComparison.Input> candidates,
                                     BiConsumer<Integer, Integer> progress) throws InputException {
        List<ClipAnalysis> refs = new ArrayList<>();
        for (VoiceComparison.Input r : references) {
            ClipAnalysis a = VoiceComparison.analyse(r);
            if (a.enoughSpeech()) {
                refs.add(a);
            }
        }
        if (refs.isEmpty()) {
            throw new InputException(references.get(0).file(), "no reference recording has at least "
                    + ClipAnalysis.MIN_SPEECH_SECONDS + " s of speech");
        }
        VoiceBackend backend = VoiceBackend.shipped();
        List<Scored> scored = new ArrayList<>();
        Map<VoiceComparison.Input, String> skipped = new LinkedHashMap<>();
        int done = 0;
        for (VoiceComparison.Input c : candidates) {
            try {
                ClipAnalysis a = VoiceComparison.analyse(c);
                if (a.enoughSpeech()) {
                    double s = VoiceComparison.score(backend, refs, a);
                    scored.add(new Scored(c, s, backend.log10Lr(s), a.speech().speechSeconds()));
                } else {
                    skipped.put(c, String.format(Locale.ROOT, "only %.2f s of speech", a.speech().speechSeconds()));
                }
            } catch (InputException e) {
                skipped.put(c, e.problem());
            }
            progress.accept(++done, candidates.size());
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(s -> s.input().exhibit().path()));
        List<Finding> out = new ArrayList<>();
        out.add(summary(scored, skipped, candidates.size()));
        int rank = 0;
        for (Scored s : scored) {
            out.add(match(++rank, s));
        }
        return out;
    }

    private static Finding summary(List<Scored> scored, Map<VoiceComparison.Input, String> skipped, int total) {
        long hits = scored.stream().filter(s -> s.log10Lr() >= 1).count();
        Finding.Builder b = Finding.builder(VoiceComparison.ANALYZER, "voice.scan", VoiceComparison.LR_METHOD)
                .statement(String.format(Locale.ROOT, "Scanned %d recordings: %d scored, %d skipped; %d with a "
                        + "likelihood ratio of at least 10 for the reference speaker.", total, scored.size(),
                        skipped.size(), hits))
                .measure("candidates", total, "")
                .measure("scored", scored.size(), "")
                .measure("LR >= 10", hits, "");
        List<Map<String, Object>> ranking = new ArrayList<>();
        int rank = 0;
        for (Scored s : scored) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", ++rank);
            row.put("path", s.input().exhibit().path());
            row.put("score", Math.round(s.score() * 1e4) / 1e4);
            row.put("log10Lr", Math.round(s.log10Lr() * 100) / 100.0);
            row.put("speechSeconds", Math.round(s.speech() * 100) / 100.0);
            ranking.add(row);
        }
        b.data("ranking", ranking);
        Map<String, String> skip = new java.util.TreeMap<>();
        skipped.forEach((k, v) -> skip.put(k.exhibit().path(), v));
        if (!skip.isEmpty()) {
            b.data("skipped", skip);
        }
        VoiceComparison.limitations(b);
        return b.build();
    }

    private static Finding match(int rank, Scored s) {
        double l = s.log10Lr();
        Verdict v = l >= 2 ? Verdict.STRONGLY_INDICATES : l >= 1 ? Verdict.INDICATES
                : l <= -1 ? Verdict.CONTRADICTS : Verdict.INCONCLUSIVE;
        String rate = l >= 2 ? "voice-lr>=100" : l >= 1 ? "voice-lr>=10" : "voice-lr>1";
        double thr = l >= 2 ? 2 : l >= 1 ? 1 : 0;
        return Finding.builder(VoiceComparison.ANALYZER, "voice.scan-match", VoiceComparison.LR_METHOD)
                .verdict(v)
                .statement(String.format(Locale.ROOT, "Rank %d: %s, LR %s (log10 LR %.2f), %s.", rank,
                        s.input().exhibit().path(), VoiceComparison.lrText(l), l, VerbalScale.describe(l)))
                .measure("rank", rank, "")
                .measure("cosine score", s.score(), "")
                .measure("log10 LR", l, "log10")
                .measure("speech", s.speech(), "s")
                .threshold(new Threshold("log10 LR", l >= 1 ? ">=" : ">", thr, ErrorRates.of("voice", rate)))
                .evidence(EvidencePointer.field(s.input().exhibit(), "recording", "whole"))
                .build();
    }
}
