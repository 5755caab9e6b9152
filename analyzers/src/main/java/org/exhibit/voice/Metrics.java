package org.exhibit.voice;

import java.util.Arrays;

/** Standard measures of a speaker-comparison system's performance. */
public final class Metrics {

    private Metrics() {
    }

    /**
     * Log-likelihood-ratio cost (Brümmer and du Preez 2006):
     * Cllr = ½ [mean log2(1 + 1/LR) over same-speaker trials + mean log2(1 + LR) over different-speaker trials].
     * 1.0 is a system that always says LR = 1; 0 is perfect.
     */
    public static double cllr(double[] log10LrTargets, double[] log10LrNonTargets) {
        double t = 0;
        for (double l : log10LrTargets) {
            t += log2OnePlusPow10(-l);
        }
        double n = 0;
        for (double l : log10LrNonTargets) {
            n += log2OnePlusPow10(l);
        }
        return 0.5 * (t / log10LrTargets.length + n / log10LrNonTargets.length);
    }

    /** log2(1 + 10^x) without overflow. */
    private static double log2OnePlusPow10(double x) {
        double ln10x = x * Math.log(10);
        double v = ln10x > 30 ? ln10x : Math.log1p(Math.exp(ln10x));
        return v / Math.log(2);
    }

    /**
     * Equal error rate: the threshold sweep's point where the false-acceptance and false-rejection rates cross,
     * linearly interpolated between the two sweep points that bracket it.
     */
    public static double eer(double[] targets, double[] nonTargets) {
        double[] t = targets.clone();
        double[] n = nonTargets.clone();
        Arrays.sort(t);
        Arrays.sort(n);
        double[] all = new double[t.length + n.length];
        System.arraycopy(t, 0, all, 0, t.length);
        System.arraycopy(n, 0, all, t.length, n.length);
        Arrays.sort(all);
        double prevFr = 0;
        double prevFa = 1;
        for (double thr : all) {
            double fr = fractionBelow(t, thr);          // targets rejected: score < thr
            double fa = 1 - fractionBelow(n, thr);      // non-targets accepted: score >= thr
            if (fr >= fa) {
                double d0 = prevFa - prevFr;
                double d1 = fr - fa;
                double w = d0 + d1 == 0 ? 0.5 : d0 / (d0 + d1);
                return prevFr + w * (fr - prevFr);
            }
            prevFr = fr;
            prevFa = fa;
        }
        return 0;
    }

    /** Fraction of sorted values strictly below x. */
    static double fractionBelow(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return (double) lo / sorted.length;
    }

    /** Fraction of values strictly above x. */
    public static double fractionAbove(double[] values, double x) {
        return Arrays.stream(values).filter(v -> v > x).count() / (double) values.length;
    }
}
