package org.exhibit.voice;

import org.jtransforms.fft.DoubleFFT_1D;

import java.util.ArrayList;
import java.util.List;

/**
 * Formant estimates from linear prediction: per voiced 25 ms frame, autocorrelation LPC of order 14
 * (Levinson-Durbin) on the pre-emphasised (from 50 Hz), Hamming-windowed signal; the first three prominent
 * peaks (3 dB) between 90 Hz and the 5.5 kHz ceiling of the LPC envelope 1/|A|², parabolically interpolated,
 * are F1, F2, F3.
 */
public final class Formants {

    static final int ORDER = 14;
    private static final int FRAME = 400;
    private static final int ENVELOPE_FFT = 1024;
    /** Formant ceiling as in Praat's default for a female voice: F1..F3 of adults lie below it. */
    static final double CEILING_HZ = 5500;

    private Formants() {
    }

    /** Per analysed frame: {F1, F2, F3} in Hz (frames with fewer than 3 resonances are left out). */
    public static List<double[]> track(float[] x, int rate, double[] f0, int hop, int maxFrames) {
        List<Integer> voiced = new ArrayList<>();
        for (int f = 0; f < f0.length; f++) {
            if (f0[f] > 0 && f * hop + FRAME <= x.length) {
                voiced.add(f);
            }
        }
        int stride = Math.max(1, voiced.size() / Math.max(1, maxFrames));
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < voiced.size(); i += stride) {
            double[] f = frame(x, voiced.get(i) * hop, rate);
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    /** F1..F3 of one frame, or null. */
    static double[] frame(float[] x, int start, int rate) {
        double[] w = new double[FRAME];
        double alpha = Math.exp(-2 * Math.PI * 50 / rate);
        for (int i = 0; i < FRAME; i++) {
            double prev = start + i > 0 ? x[start + i - 1] : 0;
            w[i] = (x[start + i] - alpha * prev) * (0.54 - 0.46 * Math.cos(2 * Math.PI * i / (FRAME - 1)));
        }
        double[] a = lpc(w, ORDER);
        if (a == null) {
            return null;
        }
        // envelope 1/|A(e^jw)|² on a 1024-point grid (JTransforms); its peaks are the resonances
        double[] spec = new double[ENVELOPE_FFT];
        System.arraycopy(a, 0, spec, 0, a.length);
        new DoubleFFT_1D(ENVELOPE_FFT).realForward(spec);
        int bins = ENVELOPE_FFT / 2;
        double[] env = new double[bins];
        for (int k = 1; k < bins; k++) {
            double re = spec[2 * k];
            double im = spec[2 * k + 1];
            env[k] = -10 * Math.log10(re * re + im * im + 1e-30);
        }
        env[0] = env[1];
        double hzPerBin = (double) rate / ENVELOPE_FFT;
        List<Double> freqs = new ArrayList<>();
        for (int k = 1; k + 1 < bins && freqs.size() < 3; k++) {
            if (k * hzPerBin > CEILING_HZ) {
                break;
            }
            if (env[k] > env[k - 1] && env[k] >= env[k + 1] && k * hzPerBin > 90 && prominent(env, k)) {
                double denom = env[k - 1] - 2 * env[k] + env[k + 1];
                double shift = denom == 0 ? 0 : 0.5 * (env[k - 1] - env[k + 1]) / denom;
                freqs.add((k + shift) * hzPerBin);
            }
        }
        if (freqs.size() < 3) {
            return null;
        }
        return new double[]{freqs.get(0), freqs.get(1), freqs.get(2)};
    }

    /** A peak counts as a formant when it stands 3 dB above the lowest point within ±300 Hz on either side. */
    private static boolean prominent(double[] env, int k) {
        int reach = Math.max(2, (int) Math.round(300.0 / 16000 * ENVELOPE_FFT));
        double left = env[k];
        double right = env[k];
        for (int j = 1; j <= reach; j++) {
            left = Math.min(left, env[Math.max(0, k - j)]);
            right = Math.min(right, env[Math.min(env.length - 1, k + j)]);
        }
        return env[k] - left >= 3 || env[k] - right >= 3;
    }

    /** Predictor a[0..p] (a[0] = 1) by the autocorrelation method and Levinson-Durbin; null if degenerate. */
    static double[] lpc(double[] w, int p) {
        double[] r = new double[p + 1];
        for (int k = 0; k <= p; k++) {
            for (int i = k; i < w.length; i++) {
                r[k] += w[i] * w[i - k];
            }
        }
        if (r[0] <= 1e-12) {
            return null;
        }
        r[0] *= 1 + 1e-9; // white-noise floor keeps the recursion stable
        double[] a = new double[p + 1];
        a[0] = 1;
        double err = r[0];
        for (int i = 1; i <= p; i++) {
            double acc = r[i];
            for (int j = 1; j < i; j++) {
                acc += a[j] * r[i - j];
            }
            double k = -acc / err;
            double[] prev = a.clone();
            for (int j = 1; j < i; j++) {
                a[j] = prev[j] + k * prev[i - j];
            }
            a[i] = k;
            err *= 1 - k * k;
            if (err <= 0) {
                return null;
            }
        }
        return a;
    }
}
