package org.exhibit.voice;

import org.exhibit.bench.Benchmark;
import org.exhibit.bench.BenchmarkResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Trains the backend exactly as the shipped one is trained (same seed, same code), then scores every pair of
 * clips of held-out synthetic speakers that neither the projection nor the calibration saw: EER, Cllr, and the
 * false-positive and false-negative rates at LR 1, 10 and 100, with the analysis time per clip on one core.
 */
public final class VoiceBenchmark implements Benchmark {

    static final int EVAL_SPEAKERS = 40;
    static final int EVAL_CLIPS = 5;

    @Override
    public String name() {
        return "voice";
    }

    @Override
    public String description() {
        return "same/different-speaker pairs of held-out synthetic speakers: EER, Cllr, error rates at LR 1, 10, 100, "
                + "ms and real-time factor per clip";
    }

    @Override
    public BenchmarkResult run(long seed, double scale) {
        return evaluate(BackendTrainer.train(seed, scale), seed, scale);
    }

    /** Scores the held-out speakers with a backend trained from the same seed and scale. */
    public BenchmarkResult evaluate(VoiceBackend backend, long seed, double scale) {
        int speakers = Math.max(4, (int) Math.round(EVAL_SPEAKERS * scale));
        List<SyntheticCorpus.Clip> clips = SyntheticCorpus.clips(seed, SyntheticCorpus.EVALUATION_FIRST, speakers,
                EVAL_CLIPS);
        Trials trials = Trials.of(backend, clips);
        double[] t = Arrays.stream(trials.targets()).map(backend::log10Lr).toArray();
        double[] n = Arrays.stream(trials.nonTargets()).map(backend::log10Lr).toArray();
        double eer = Metrics.eer(trials.targets(), trials.nonTargets());
        double cllr = Metrics.cllr(t, n);
        double ms = clips.stream().mapToDouble(SyntheticCorpus.Clip::analysisMillis).average().orElse(0);
        double audio = clips.stream().mapToDouble(SyntheticCorpus.Clip::audioSeconds).average().orElse(1);
        String corpus = String.format(Locale.ROOT, "%s; %d held-out speakers × %d clips (%d same-speaker, %d "
                        + "different-speaker pairs); Cllr %.3f; EER %.3f; real-time factor %.3f on one core "
                        + "(analysis only: decoding excluded, VAD, features, F0, formants included); backend: %s",
                SyntheticCorpus.describe(seed), speakers, EVAL_CLIPS, t.length, n.length, cllr, eer, ms / 1000 / audio,
                backend.trainedOn());
        List<BenchmarkResult.MethodResult> methods = new ArrayList<>();
        methods.add(at("voice-lr>1", "log10 LR > 0", t, n, 0, false, eer, ms));
        methods.add(at("voice-lr>=10", "log10 LR >= 1", t, n, 1, true, eer, ms));
        methods.add(at("voice-lr>=100", "log10 LR >= 2", t, n, 2, true, eer, ms));
        return new BenchmarkResult(name(), seed, scale, corpus, methods);
    }

    private static BenchmarkResult.MethodResult at(String id, String words, double[] t, double[] n, double thr,
                                                   boolean inclusive, double eer, double ms) {
        double fp = Arrays.stream(n).filter(v -> inclusive ? v >= thr : v > thr).count() / (double) n.length;
        double fn = Arrays.stream(t).filter(v -> inclusive ? v < thr : v <= thr).count() / (double) t.length;
        return new BenchmarkResult.MethodResult(id, words, t.length, n.length, round(fp), round(fn), round(eer),
                Math.round(ms * 10) / 10.0);
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
