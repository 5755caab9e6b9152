package org.exhibit.similarity;

import org.exhibit.bench.Benchmark;
import org.exhibit.bench.BenchmarkResult;
import org.exhibit.fixtures.Scenes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * {@code exhibit bench similarity}: pictures drawn in code ({@link Scenes}) against their edited copies
 * (positives: {@link Corpus#EDITS}) and against other pictures or their edits (negatives). For every method:
 * false positive and false negative rate at the analyzer's threshold, equal error rate over the score, and the
 * mean CPU time the method's stage took per pair (CPU, not wall time, so a busy machine does not inflate it).
 */
public final class SimilarityBenchmark implements Benchmark {

    /** Sources at scale 1.0; each gives one positive per edit and as many negatives. */
    static final int SOURCES = 30;

    @Override
    public String name() {
        return "similarity";
    }

    @Override
    public String description() {
        return "Generated pictures vs. their edited copies (crop, resize, JPEG, rotation, flip, colour, blur, overlay, "
                + "strip removal, pasting) and vs. other pictures: FPR/FNR per method at its threshold, EER, ms per pair.";
    }

    /** A method: its id, threshold in words, score (higher = more similar) and the analyzer's decision. */
    private record Method(String id, String threshold, int stage, ToDoubleFunction<Comparison> score,
                          java.util.function.Predicate<Comparison> decides) {
    }

    private static final List<Method> METHODS = List.of(
            new Method("pdq", "hamming <= " + Thresholds.PDQ + " (best of 8 dihedral variants)", 0,
                    c -> -c.pdqDistance(), c -> c.pdqDistance() <= Thresholds.PDQ),
            hashMethod("ahash", 0), hashMethod("dhash", 1), hashMethod("phash", 2), hashMethod("whash", 3),
            new Method("keypoints", "alignment quality GOOD (inliers >= " + Alignment.GOOD_INLIERS + " at ratio >= "
                    + Alignment.GOOD_RATIO + ", or >= " + Alignment.FEW_INLIERS + " at ratio >= " + Alignment.CLEAN_RATIO
                    + "; sane geometry)", 2,
                    c -> c.alignment().quality() == Alignment.Quality.NONE ? 0 : c.alignment().inliers(),
                    c -> c.alignment().trustworthy()),
            new Method("ssim", "ssim >= " + Thresholds.SSIM + " on the aligned overlap", 3,
                    c -> orMinus(c.ssim()), c -> c.ssim() >= Thresholds.SSIM),
            new Method("ms-ssim", "ms-ssim >= " + Thresholds.MS_SSIM + " on the aligned overlap", 3,
                    c -> orMinus(c.msSsim()), c -> c.msSsim() >= Thresholds.MS_SSIM),
            new Method("colour-histogram", "hellinger <= " + Thresholds.HISTOGRAM, 4,
                    c -> -orOne(c.histogramDistance()), c -> c.histogramDistance() <= Thresholds.HISTOGRAM),
            new Method("combined", "keypoints GOOD and ssim >= " + Thresholds.SSIM + ", or pdq <= " + Thresholds.PDQ,
                    -1, c -> Conclusion.isCopy(c) ? 1 : 0, Conclusion::isCopy));

    private static Method hashMethod(String id, int index) {
        return new Method(id, "hamming <= " + Thresholds.IMAGEHASH + " of 64", 1,
                c -> -c.imageHashDistances()[index], c -> c.imageHashDistances()[index] <= Thresholds.IMAGEHASH);
    }

    private static double orMinus(double v) {
        return Double.isNaN(v) ? -1 : v;
    }

    private static double orOne(double v) {
        return Double.isNaN(v) ? 1 : v;
    }

    @Override
    public BenchmarkResult run(long seed, double scale) {
        int sources = Math.max(3, (int) Math.round(SOURCES * scale));
        List<Corpus.Pair> pairs = Corpus.generate(seed, sources);
        long[] nanos = new long[Comparison.STAGES];
        List<Comparison> results = new ArrayList<>();
        for (Corpus.Pair p : pairs) {
            results.add(Comparison.of(p.original(), p.accused(), nanos));
        }
        List<BenchmarkResult.MethodResult> out = new ArrayList<>();
        for (Method m : METHODS) {
            out.add(measure(m, pairs, results, nanos));
        }
        String corpus = sources + " generated pictures (landscapes, portrait figures, still lifes; 360-520 x 270-390 px), "
                + pairs.stream().filter(Corpus.Pair::copy).count() + " edited copies (" + String.join(", ", Corpus.EDITS)
                + ") and " + pairs.stream().filter(p -> !p.copy()).count() + " different-picture pairs";
        return new BenchmarkResult(name(), seed, scale, corpus, out);
    }

    private static BenchmarkResult.MethodResult measure(Method m, List<Corpus.Pair> pairs, List<Comparison> results,
                                                        long[] nanos) {
        List<Double> pos = new ArrayList<>(), neg = new ArrayList<>();
        int fp = 0, fn = 0;
        for (int i = 0; i < pairs.size(); i++) {
            Comparison c = results.get(i);
            boolean said = m.decides().test(c);
            if (pairs.get(i).copy()) {
                pos.add(m.score().applyAsDouble(c));
                fn += said ? 0 : 1;
            } else {
                neg.add(m.score().applyAsDouble(c));
                fp += said ? 1 : 0;
            }
        }
        long stageNanos = m.stage() < 0 ? Arrays.stream(nanos).sum() : nanos[m.stage()];
        double ms = Math.round(stageNanos / 1e6 / pairs.size() * 100) / 100.0;
        return new BenchmarkResult.MethodResult(m.id(), m.threshold(), pos.size(), neg.size(),
                round((double) fp / neg.size()), round((double) fn / pos.size()), round(equalErrorRate(pos, neg)), ms);
    }

    /** EER over all thresholds on the score (higher = more similar): where FPR and FNR cross. */
    static double equalErrorRate(List<Double> pos, List<Double> neg) {
        double[] all = java.util.stream.Stream.concat(pos.stream(), neg.stream()).mapToDouble(Double::doubleValue)
                .sorted().distinct().toArray();
        double best = 1, bestGap = Double.MAX_VALUE;
        for (double t : all) {
            double fpr = neg.stream().filter(v -> v >= t).count() / (double) neg.size();
            double fnr = pos.stream().filter(v -> v < t).count() / (double) pos.size();
            if (Math.abs(fpr - fnr) < bestGap) {
                bestGap = Math.abs(fpr - fnr);
                best = (fpr + fnr) / 2;
            }
        }
        return best;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
