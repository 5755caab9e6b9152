package org.exhibit.voice;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Kaldi's log mel filterbank as {@code torchaudio.compliance.kaldi.fbank} computes it with the settings
 * WeSpeaker and 3D-Speaker models expect ("kaldi-fbank80"): 16 kHz, 25 ms frames every 10 ms, snip_edges
 * (only whole frames), dither 0, DC offset removed per frame, pre-emphasis 0.97 (first sample against itself),
 * povey window (Hann to the power 0.85), 512-point FFT power spectrum, 80 triangular mel bins (mel = 1127 ln(1 +
 * f/700)) from 20 Hz to Nyquist over the FFT bins below Nyquist, natural log floored at float32 epsilon, no
 * energy term. Input samples are scaled ×32768 (16-bit integer range) by the caller's convention: pass samples in
 * [-1, 1] and {@link #compute} scales them. Checked against torchaudio 0.13.1 (KaldiFbankTest).
 */
public final class KaldiFbank {

    public static final String NAME = "kaldi-fbank80";
    public static final int BINS = 80;
    static final int FRAME = 400;
    static final int SHIFT = 160;
    static final int FFT = 512;
    static final double LOW_HZ = 20;
    static final double EPSILON = Math.ulp(1.0f); // torch.finfo(torch.float).eps

    private static final double[] WINDOW = povey();
    private static final double[][] BANKS = melBanks();

    private KaldiFbank() {
    }

    public static int frames(int samples) {
        return samples < FRAME ? 0 : 1 + (samples - FRAME) / SHIFT;
    }

    /** Log mel energies [frames][80] of 16 kHz samples in [-1, 1] (scaled ×32768 here). */
    public static double[][] compute(float[] x) {
        return computeScaled(x, 32768.0);
    }

    static double[][] computeScaled(float[] x, double scale) {
        int n = frames(x.length);
        double[][] out = new double[n][BINS];
        DoubleFFT_1D fft = new DoubleFFT_1D(FFT);
        double[] frame = new double[FRAME];
        double[] buf = new double[FFT];
        for (int f = 0; f < n; f++) {
            int off = f * SHIFT;
            double mean = 0;
            for (int i = 0; i < FRAME; i++) {
                frame[i] = x[off + i] * scale;
                mean += frame[i];
            }
            mean /= FRAME;
            for (int i = 0; i < FRAME; i++) {
                frame[i] -= mean;
            }
            java.util.Arrays.fill(buf, 0);
            for (int i = FRAME - 1; i >= 1; i--) {
                buf[i] = (frame[i] - 0.97 * frame[i - 1]) * WINDOW[i];
            }
            buf[0] = (frame[0] - 0.97 * frame[0]) * WINDOW[0];
            fft.realForward(buf);
            double[] power = new double[FFT / 2];
            power[0] = buf[0] * buf[0];
            for (int k = 1; k < FFT / 2; k++) {
                power[k] = buf[2 * k] * buf[2 * k] + buf[2 * k + 1] * buf[2 * k + 1];
            }
            for (int m = 0; m < BINS; m++) {
                double e = 0;
                double[] w = BANKS[m];
                for (int k = 0; k < w.length; k++) {
                    e += w[k] * power[k];
                }
                out[f][m] = Math.log(Math.max(e, EPSILON));
            }
        }
        return out;
    }

    /** Per-utterance mean subtraction (cepstral mean normalisation over frames), in place. */
    public static double[][] subtractMean(double[][] feats) {
        if (feats.length == 0) {
            return feats;
        }
        int d = feats[0].length;
        double[] mean = new double[d];
        for (double[] row : feats) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / feats.length;
            }
        }
        for (double[] row : feats) {
            for (int j = 0; j < d; j++) {
                row[j] -= mean[j];
            }
        }
        return feats;
    }

    private static double[] povey() {
        double[] w = new double[FRAME];
        for (int i = 0; i < FRAME; i++) {
            w[i] = Math.pow(0.5 - 0.5 * Math.cos(2 * Math.PI * i / (FRAME - 1)), 0.85);
        }
        return w;
    }

    static double mel(double hz) {
        return 1127 * Math.log(1 + hz / 700);
    }

    /**
     * The mel weights as torchaudio builds them: in float32 arithmetic (its tensors' default type), whatever the
     * waveform's type, so the weights are reproduced in float here, operation for operation.
     */
    private static double[][] melBanks() {
        double lo = mel(LOW_HZ);
        double hi = mel(8000);
        double delta = (hi - lo) / (BINS + 1);
        float binWidth = 16000f / FFT;
        float[] melOfBin = new float[FFT / 2];
        for (int k = 0; k < FFT / 2; k++) {
            float f = binWidth * k;
            float t = 1.0f + f / 700.0f;
            melOfBin[k] = 1127.0f * (float) Math.log(t);
        }
        double[][] w = new double[BINS][FFT / 2];
        for (int m = 0; m < BINS; m++) {
            float left = (float) lo + (float) m * (float) delta;
            float centre = (float) lo + (float) (m + 1) * (float) delta;
            float right = (float) lo + (float) (m + 2) * (float) delta;
            for (int k = 0; k < FFT / 2; k++) {
                float up = (melOfBin[k] - left) / (centre - left);
                float down = (right - melOfBin[k]) / (right - centre);
                w[m][k] = Math.max(0f, Math.min(up, down));
            }
        }
        return w;
    }
}
