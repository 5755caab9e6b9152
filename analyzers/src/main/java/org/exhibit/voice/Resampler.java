package org.exhibit.voice;

/**
 * Band-limited sample-rate conversion by a Kaiser-windowed sinc (Smith, "Digital Audio Resampling", CCRMA).
 * The low-pass cut-off is 92 % of the lower Nyquist frequency, the window spans 16 zero crossings each side
 * and beta 8.6 puts the stop band below about -80 dB, so nothing above the new Nyquist folds back into speech.
 * The kernel is tabulated at 512 phases per sample and linearly interpolated.
 */
public final class Resampler {

    private static final int ZERO_CROSSINGS = 16;
    private static final int PHASES = 512;
    private static final double BETA = 8.6;
    private static final double PASS = 0.92;

    private Resampler() {
    }

    public static float[] resample(float[] in, int inRate, int outRate) {
        if (inRate <= 0 || outRate <= 0) {
            throw new IllegalArgumentException("rates must be positive");
        }
        if (inRate == outRate) {
            return in.clone();
        }
        // cut-off as a fraction of the input rate (cycles per input sample)
        double cutoff = 0.5 * PASS * Math.min(inRate, outRate) / inRate;
        double halfWidth = ZERO_CROSSINGS / (2 * cutoff); // in input samples
        int taps = (int) Math.ceil(halfWidth);
        double[] table = kernel(cutoff, halfWidth, taps);
        int outLength = (int) Math.floor((long) in.length * (double) outRate / inRate);
        float[] out = new float[outLength];
        double step = (double) inRate / outRate;
        for (int n = 0; n < outLength; n++) {
            double t = n * step;
            int centre = (int) Math.floor(t);
            double acc = 0;
            for (int k = centre - taps + 1; k <= centre + taps; k++) {
                if (k < 0 || k >= in.length) {
                    continue;
                }
                double u = Math.abs(t - k) * PHASES;
                int i = (int) u;
                if (i + 1 >= table.length) {
                    continue;
                }
                double frac = u - i;
                acc += in[k] * (table[i] + frac * (table[i + 1] - table[i]));
            }
            out[n] = (float) acc;
        }
        return out;
    }

    /** h(u) = 2fc·sinc(2fc·u)·kaiser(u / halfWidth), sampled at u = i / PHASES. */
    private static double[] kernel(double cutoff, double halfWidth, int taps) {
        double[] h = new double[taps * PHASES + 2];
        double norm = besselI0(BETA);
        for (int i = 0; i < h.length; i++) {
            double u = (double) i / PHASES;
            if (u > halfWidth) {
                h[i] = 0;
                continue;
            }
            double x = 2 * cutoff * u;
            double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
            double r = u / halfWidth;
            double window = besselI0(BETA * Math.sqrt(1 - r * r)) / norm;
            h[i] = 2 * cutoff * sinc * window;
        }
        return h;
    }

    /** Modified Bessel function of the first kind, order 0, by its power series. */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 200; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return sum;
    }
}
