package org.exhibit.voice;

import java.util.List;

/**
 * The per-clip statistics vector the comparison rests on: over the speech frames, the mean and standard
 * deviation of MFCC c1..c19 and of their deltas (76 values), the mean and spread of log F0 over voiced frames
 * (2), and the log medians of F1..F3 (3). No per-utterance mean normalisation is applied before pooling,
 * since the cepstral mean is itself a speaker trait; the {@link VoiceBackend} standardises every dimension with
 * the training set's mean and deviation (global CMVN) and learns which directions vary with the channel.
 */
public final class Voiceprint {

    public static final int DIM = 4 * (Mfcc.CEPS - 1) + 2 + 3;

    private Voiceprint() {
    }

    public static double[] of(double[][] logMel, double[] f0, List<double[]> formants, SpeechRegions speech) {
        double[][] c = Mfcc.cepstra(logMel);
        double[][] d = Mfcc.deltas(c);
        int k = Mfcc.CEPS - 1;
        double[] sum = new double[2 * k];
        double[] sq = new double[2 * k];
        int n = 0;
        for (int f = 0; f < c.length; f++) {
            if (!speech.isSpeech(f * Mfcc.HOP + Mfcc.FRAME / 2)) {
                continue;
            }
            for (int j = 0; j < k; j++) {
                double a = c[f][j + 1];
                double b = d[f][j + 1];
                sum[j] += a;
                sq[j] += a * a;
                sum[k + j] += b;
                sq[k + j] += b * b;
            }
            n++;
        }
        double[] v = new double[DIM];
        for (int j = 0; j < 2 * k; j++) {
            double mean = n == 0 ? 0 : sum[j] / n;
            v[j] = mean;
            v[2 * k + j] = n == 0 ? 0 : Math.sqrt(Math.max(0, sq[j] / n - mean * mean));
        }
        double ls = 0;
        double ls2 = 0;
        int voiced = 0;
        for (double hz : f0) {
            if (hz > 0) {
                double l = Math.log(hz);
                ls += l;
                ls2 += l * l;
                voiced++;
            }
        }
        double meanLog = voiced == 0 ? Math.log(120) : ls / voiced;
        v[4 * k] = meanLog;
        v[4 * k + 1] = voiced == 0 ? 0 : Math.sqrt(Math.max(0, ls2 / voiced - meanLog * meanLog));
        for (int j = 0; j < 3; j++) {
            final int idx = j;
            double[] vals = formants.stream().mapToDouble(f -> f[idx]).sorted().toArray();
            v[4 * k + 2 + j] = Math.log(vals.length == 0 ? 500.0 * (2 * j + 1) : vals[vals.length / 2]);
        }
        return v;
    }
}
