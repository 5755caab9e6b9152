package org.exhibit.voice;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The YIN fundamental-frequency estimator (de Cheveigné and Kawahara, JASA 111(4), 2002): difference function,
 * cumulative-mean-normalised difference, absolute threshold 0.15, parabolic interpolation of the dip. One
 * estimate every 10 ms from a 32 ms integration window, searched between 60 and 500 Hz.
 */
public final class Yin {

    public static final int HOP = 160;
    static final int WINDOW = 512;
    static final double MIN_HZ = 60;
    static final double MAX_HZ = 500;
    static final double THRESHOLD = 0.15;

    private Yin() {
    }

    /** F0 in Hz per 10 ms frame at {@code rate}; 0 where unvoiced or too quiet. */
    public static double[] track(float[] x, int rate) {
        int tauMax = (int) Math.ceil(rate / MIN_HZ);
        int tauMin = (int) Math.floor(rate / MAX_HZ);
        int frames = x.length < WINDOW + tauMax ? 0 : 1 + (x.length - WINDOW - tauMax) / HOP;
        double[] f0 = new double[frames];
        double[] d = new double[tauMax + 2];
        DoubleFFT_1D fft = new DoubleFFT_1D(fftSize(tauMax));
        double peakEnergy = 1e-12;
        double[] energy = new double[frames];
        for (int f = 0; f < frames; f++) {
            double e = 0;
            for (int i = 0; i < WINDOW; i++) {
                double v = x[f * HOP + i];
                e += v * v;
            }
            energy[f] = e;
            peakEnergy = Math.max(peakEnergy, e);
        }
        for (int f = 0; f < frames; f++) {
            if (energy[f] < peakEnergy * 1e-4) {
                continue; // 40 dB below the loudest frame: silence or breath
            }
            f0[f] = estimate(x, f * HOP, tauMin, tauMax, d, rate, fft);
        }
        return f0;
    }

    static int fftSize(int tauMax) {
        return Integer.highestOneBit(WINDOW + tauMax + 1) << 1;
    }

    /**
     * One frame's F0, or 0 when no dip falls below the threshold. The difference function
     * d(τ) = Σ x_j² + Σ x_{j+τ}² − 2 Σ x_j x_{j+τ} takes its cross term from an FFT correlation (JTransforms).
     */
    static double estimate(float[] x, int start, int tauMin, int tauMax, double[] d, int rate, DoubleFFT_1D fft) {
        int n = fftSize(tauMax);
        double[] a = new double[n];
        double[] b = new double[n];
        for (int j = 0; j < WINDOW; j++) {
            a[j] = x[start + j];
        }
        for (int j = 0; j < WINDOW + tauMax + 1 && start + j < x.length; j++) {
            b[j] = x[start + j];
        }
        fft.realForward(a);
        fft.realForward(b);
        // conj(A)·B gives Σ a_j b_{j+τ}
        b[0] = a[0] * b[0];
        b[1] = a[1] * b[1];
        for (int k = 1; k < n / 2; k++) {
            double ar = a[2 * k], ai = a[2 * k + 1], br = b[2 * k], bi = b[2 * k + 1];
            b[2 * k] = ar * br + ai * bi;
            b[2 * k + 1] = ar * bi - ai * br;
        }
        fft.realInverse(b, true);
        double e0 = 0;
        for (int j = 0; j < WINDOW; j++) {
            e0 += (double) x[start + j] * x[start + j];
        }
        double et = e0;
        for (int tau = 1; tau <= tauMax + 1; tau++) {
            double out = x[start + tau - 1];
            double in = start + tau + WINDOW - 1 < x.length ? x[start + tau + WINDOW - 1] : 0;
            et += in * in - out * out;
            d[tau] = Math.max(0, e0 + et - 2 * b[tau]);
        }
        // cumulative mean normalised difference d'(tau)
        d[0] = 1;
        double running = 0;
        for (int tau = 1; tau <= tauMax + 1; tau++) {
            running += d[tau];
            d[tau] = running == 0 ? 1 : d[tau] * tau / running;
        }
        int best = -1;
        for (int tau = tauMin; tau <= tauMax; tau++) {
            if (d[tau] < THRESHOLD) {
                while (tau + 1 <= tauMax && d[tau + 1] < d[tau]) {
                    tau++;
                }
                best = tau;
                break;
            }
        }
        if (best < 0) {
            return 0;
        }
        double left = d[best - 1];
        double mid = d[best];
        double right = d[best + 1];
        double denom = left - 2 * mid + right;
        double shift = denom == 0 ? 0 : 0.5 * (left - right) / denom;
        return rate / (best + Math.max(-1, Math.min(1, shift)));
    }
}
