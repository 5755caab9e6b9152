package org.exhibit.voice;

import org.apache.commons.math3.distribution.BetaDistribution;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

/**
 * Performance of a speaker-comparison system on labelled trials, with weights (so a bootstrap over speakers can
 * reweight trials instead of copying them): Cllr, minimum Cllr after the pool-adjacent-violators (PAV)
 * transform, EER, and confidence intervals (speaker bootstrap; Clopper-Pearson on counts).
 * References: Brümmer and du Preez 2006 (Cllr, minCllr); van Leeuwen and Brümmer 2007 (PAV, ROCCH);
 * Clopper and Pearson 1934; Morrison 2011 (speaker-level resampling of trials).
 */
public final class Performance {

    private Performance() {
    }

    /** Cllr of log10 LRs with weights; targets and non-targets each averaged over their own weight. */
    public static double cllr(double[] log10Lr, boolean[] target, double[] weight) {
        double t = 0, wt = 0, n = 0, wn = 0;
        for (int i = 0; i < log10Lr.length; i++) {
            double w = weight == null ? 1 : weight[i];
            if (w == 0) {
                continue;
            }
            if (target[i]) {
                t += w * log2OnePlusPow10(-log10Lr[i]);
                wt += w;
            } else {
                n += w * log2OnePlusPow10(log10Lr[i]);
                wn += w;
            }
        }
        return wt == 0 || wn == 0 ? Double.NaN : 0.5 * (t / wt + n / wn);
    }

    private static double log2OnePlusPow10(double x) {
        if (x == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        double ln10x = x * Math.log(10);
        double v = ln10x > 30 ? ln10x : Math.log1p(Math.exp(ln10x));
        return v / Math.log(2);
    }

    /**
     * The Cllr of the best monotone transform of the scores (PAV on the weighted, prior-0.5 posteriors): the
     * discrimination loss alone. Cllr − minCllr is the calibration loss. Tied scores are pooled first.
     */
    public static double minCllr(double[] score, boolean[] target, double[] weight) {
        return cllr(pavLog10Lr(score, target, weight), target, weight);
    }

    /** The optimal monotone log10 LR of each trial (PAV); ±infinity where a block holds one class only. */
    public static double[] pavLog10Lr(double[] score, boolean[] target, double[] weight) {
        int m = score.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
        double wt = 0, wn = 0;
        for (int i = 0; i < m; i++) {
            double w = weight == null ? 1 : weight[i];
            if (target[i]) {
                wt += w;
            } else {
                wn += w;
            }
        }
        // blocks: weighted target mass (prior-normalised) and total mass, merged while not increasing
        double[] tMass = new double[m];
        double[] nMass = new double[m];
        int[] start = new int[m];
        int blocks = 0;
        for (int k = 0; k < m; k++) {
            int i = order[k];
            double w = weight == null ? 1 : weight[i];
            double tm = target[i] ? w / wt : 0;
            double nm = target[i] ? 0 : w / wn;
            if (blocks > 0 && score[order[start[blocks - 1]]] == score[i]) {
                tMass[blocks - 1] += tm;
                nMass[blocks - 1] += nm;
            } else {
                tMass[blocks] = tm;
                nMass[blocks] = nm;
                start[blocks] = k;
                blocks++;
            }
            while (blocks > 1 && ratio(tMass[blocks - 2], nMass[blocks - 2]) >= ratio(tMass[blocks - 1],
                    nMass[blocks - 1])) {
                tMass[blocks - 2] += tMass[blocks - 1];
                nMass[blocks - 2] += nMass[blocks - 1];
                blocks--;
            }
        }
        double[] out = new double[m];
        for (int b = 0; b < blocks; b++) {
            int end = b + 1 < blocks ? start[b + 1] : m;
            double l = nMass[b] == 0 ? Double.POSITIVE_INFINITY : tMass[b] == 0 ? Double.NEGATIVE_INFINITY
                    : Math.log10(tMass[b] / nMass[b]);
            for (int k = start[b]; k < end; k++) {
                out[order[k]] = l;
            }
        }
        return out;
    }

    /** Target share of a block's mass, the quantity PAV keeps non-decreasing. */
    private static double ratio(double t, double n) {
        return t + n == 0 ? 0 : t / (t + n);
    }

    /**
     * Equal error rate with the counts at its threshold.
     *
     * @param rate        weighted EER (interpolated where the two error curves cross)
     * @param threshold   the score threshold at the crossing (accept at or above)
     * @param misses      same-speaker trials below the threshold
     * @param targets     same-speaker trials
     * @param falseAlarms different-speaker trials at or above it
     * @param nonTargets  different-speaker trials
     */
    public record Eer(double rate, double threshold, int misses, int targets, int falseAlarms, int nonTargets) {
    }

    public static Eer eer(double[] score, boolean[] target, double[] weight) {
        int m = score.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
        double wt = 0, wn = 0;
        int nt = 0, nn = 0;
        for (int i = 0; i < m; i++) {
            double w = weight == null ? 1 : weight[i];
            if (target[i]) {
                wt += w;
                nt += w > 0 ? 1 : 0;
            } else {
                wn += w;
                nn += w > 0 ? 1 : 0;
            }
        }
        // threshold just below order[k]: rejected = everything before k
        double fr = 0, fa = 1, prevFr = 0, prevFa = 1;
        int misses = 0, alarms = nn;
        for (int k = 0; k <= m; k++) {
            if (k == m || k == 0 || score[order[k]] != score[order[k - 1]]) {
                if (fr >= fa) {
                    double d0 = prevFa - prevFr;
                    double d1 = fr - fa;
                    double w = d0 + d1 == 0 ? 0.5 : d0 / (d0 + d1);
                    double thr = k == m ? Double.POSITIVE_INFINITY : score[order[k]];
                    return new Eer(prevFr + w * (fr - prevFr), thr, misses, nt, alarms, nn);
                }
                prevFr = fr;
                prevFa = fa;
            }
            if (k == m) {
                break;
            }
            int i = order[k];
            double w = weight == null ? 1 : weight[i];
            if (target[i]) {
                fr += w / wt;
                misses += w > 0 ? 1 : 0;
            } else {
                fa -= w / wn;
                alarms -= w > 0 ? 1 : 0;
            }
        }
        return new Eer(0.5 * (fr + fa), Double.POSITIVE_INFINITY, misses, nt, alarms, nn);
    }

    /** Exact (Clopper-Pearson) two-sided interval of a binomial proportion k / n. */
    public static double[] clopperPearson(int k, int n, double confidence) {
        if (n == 0) {
            return new double[]{0, 1};
        }
        double a = (1 - confidence) / 2;
        double lo = k == 0 ? 0 : new BetaDistribution(null, k, n - k + 1).inverseCumulativeProbability(a);
        double hi = k == n ? 1 : new BetaDistribution(null, k + 1, n - k).inverseCumulativeProbability(1 - a);
        return new double[]{lo, hi};
    }

    /** An estimate and its 95 % interval. */
    public record Interval(double value, double low, double high) {
    }

    /** A statistic of weighted trials. */
    public interface Statistic {
        double of(double[] weight);
    }

    /**
     * Percentile bootstrap over speakers: each replicate draws speakers with replacement; a same-speaker trial
     * of speaker s weighs the number of times s was drawn, a different-speaker trial of s and t the product.
     * Replicates where a class has no weight are skipped. Deterministic for a seed.
     */
    public static Interval bootstrap(Statistic stat, int[] speakerA, int[] speakerB, int speakers, int replicates,
                                     long seed) {
        double value = stat.of(null);
        Random r = new Random(seed);
        double[] draws = new double[replicates];
        int used = 0;
        double[] count = new double[speakers];
        double[] w = new double[speakerA.length];
        for (int rep = 0; rep < replicates; rep++) {
            Arrays.fill(count, 0);
            for (int k = 0; k < speakers; k++) {
                count[r.nextInt(speakers)]++;
            }
            for (int i = 0; i < w.length; i++) {
                w[i] = speakerA[i] == speakerB[i] ? count[speakerA[i]] : count[speakerA[i]] * count[speakerB[i]];
            }
            double v = stat.of(w);
            if (!Double.isNaN(v)) {
                draws[used++] = v;
            }
        }
        if (used == 0) {
            return new Interval(value, Double.NaN, Double.NaN);
        }
        double[] s = Arrays.copyOf(draws, used);
        Arrays.sort(s);
        return new Interval(value, s[(int) Math.floor(0.025 * (used - 1))], s[(int) Math.ceil(0.975 * (used - 1))]);
    }
}
