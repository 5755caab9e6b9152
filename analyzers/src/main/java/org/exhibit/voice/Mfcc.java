package org.exhibit.voice;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Log-mel filterbank energies and MFCCs of 16 kHz audio, in the common Kaldi/HTK recipe: 25 ms Hamming frames
 * every 10 ms, pre-emphasis 0.97, 512-point FFT (JTransforms), 40 triangular HTK-mel filters from 20 to
 * 7600 Hz, natural log, orthonormal DCT-II to 20 cepstra, and regression deltas over ±2 frames.
 */
public final class Mfcc {

    public static final int FRAME = 400;
    public static final int HOP = 160;
    public static final int FFT = 512;
    public static final int MELS = 40;
    public static final int CEPS = 20;
    static final double LOW_HZ = 20;
    static final double HIGH_HZ = 7600;

    private static final double[][] FILTERS = melFilters(MELS, FFT, Pcm.ANALYSIS_RATE, LOW_HZ, HIGH_HZ);
    private static final double[] WINDOW = hamming(FRAME);

    private Mfcc() {
    }

    public static int frames(int samples) {
        return samples < FRAME ? 0 : 1 + (samples - FRAME) / HOP;
    }

    /** Power spectrum (FFT/2 + 1 bins) of each frame. */
    public static double[][] powerSpectra(float[] x) {
        int n = frames(x.length);
        double[][] out = new double[n][];
        DoubleFFT_1D fft = new DoubleFFT_1D(FFT);
        double[] buf = new double[FFT];
        for (int f = 0; f < n; f++) {
            java.util.Arrays.fill(buf, 0);
            int off = f * HOP;
            double prev = off > 0 ? x[off - 1] : x[off];
            for (int i = 0; i < FRAME; i++) {
                double v = x[off + i];
                buf[i] = (v - 0.97 * prev) * WINDOW[i];
                prev = v;
            }
            fft.realForward(buf);
            double[] p = new double[FFT / 2 + 1];
            p[0] = buf[0] * buf[0];
            p[FFT / 2] = buf[1] * buf[1];
            for (int k = 1; k < FFT / 2; k++) {
                p[k] = buf[2 * k] * buf[2 * k] + buf[2 * k + 1] * buf[2 * k + 1];
            }
            out[f] = p;
        }
        return out;
    }

    /** Natural-log mel energies per frame, floored at 1e-10. */
    public static double[][] logMel(double[][] power) {
        double[][] out = new double[power.length][MELS];
        for (int f = 0; f < power.length; f++) {
            for (int m = 0; m < MELS; m++) {
                double e = 0;
                for (int k = 0; k < power[f].length; k++) {
                    e += FILTERS[m][k] * power[f][k];
                }
                out[f][m] = Math.log(Math.max(e, 1e-10));
            }
        }
        return out;
    }

    /** Orthonormal DCT-II of each log-mel row, first {@link #CEPS} coefficients. */
    public static double[][] cepstra(double[][] logMel) {
        double[][] out = new double[logMel.length][CEPS];
        for (int f = 0; f < logMel.length; f++) {
            for (int c = 0; c < CEPS; c++) {
                double s = 0;
                for (int m = 0; m < MELS; m++) {
                    s += logMel[f][m] * Math.cos(Math.PI * c * (m + 0.5) / MELS);
                }
                out[f][c] = s * Math.sqrt((c == 0 ? 1.0 : 2.0) / MELS);
            }
        }
        return out;
    }

    /** Regression deltas d_t = Σ n (c_{t+n} - c_{t-n}) / (2 Σ n²), n = 1..2, edges repeated. */
    public static double[][] deltas(double[][] c) {
        int n = c.length;
        double[][] d = new double[n][];
        for (int t = 0; t < n; t++) {
            int dim = c[t].length;
            d[t] = new double[dim];
            for (int k = 0; k < dim; k++) {
                double s = 0;
                for (int j = 1; j <= 2; j++) {
                    s += j * (c[Math.min(n - 1, t + j)][k] - c[Math.max(0, t - j)][k]);
                }
                d[t][k] = s / 10;
            }
        }
        return d;
    }

    static double hzToMel(double hz) {
        return 1127 * Math.log(1 + hz / 700);
    }

    static double melToHz(double mel) {
        return 700 * (Math.exp(mel / 1127) - 1);
    }

    /** Triangular filters on the HTK mel scale over the FFT bins. */
    static double[][] melFilters(int mels, int fft, int rate, double low, double high) {
        double lo = hzToMel(low);
        double hi = hzToMel(high);
        double[][] w = new double[mels][fft / 2 + 1];
        for (int m = 0; m < mels; m++) {
            double left = lo + (hi - lo) * m / (mels + 1);
            double centre = lo + (hi - lo) * (m + 1) / (mels + 1);
            double right = lo + (hi - lo) * (m + 2) / (mels + 1);
            for (int k = 0; k <= fft / 2; k++) {
                double mel = hzToMel((double) k * rate / fft);
                if (mel > left && mel < right) {
                    w[m][k] = mel <= centre ? (mel - left) / (centre - left) : (right - mel) / (right - centre);
                }
            }
        }
        return w;
    }

    private static double[] hamming(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.54 - 0.46 * Math.cos(2 * Math.PI * i / (n - 1));
        }
        return w;
    }
}
