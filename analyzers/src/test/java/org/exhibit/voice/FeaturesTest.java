package org.exhibit.voice;

import org.exhibit.fixtures.SpeechSynth;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeaturesTest {

    @Test
    void melFilterOfAToneIsTheBandAroundIt() {
        float[] x = new float[16000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / 16000.0));
        }
        double[][] mel = Mfcc.logMel(Mfcc.powerSpectra(x));
        int best = 0;
        for (int m = 1; m < Mfcc.MELS; m++) {
            best = mel[50][m] > mel[50][best] ? m : best;
        }
        // HTK mel: band m spans centres lo + (hi-lo)(m+1)/(M+1); 1000 Hz = 1000.0 mel
        double lo = Mfcc.hzToMel(Mfcc.LOW_HZ);
        double hi = Mfcc.hzToMel(Mfcc.HIGH_HZ);
        int expected = (int) Math.round((Mfcc.hzToMel(1000) - lo) / (hi - lo) * (Mfcc.MELS + 1)) - 1;
        assertEquals(expected, best);
        assertEquals(1000, Mfcc.melToHz(Mfcc.hzToMel(1000)), 1e-9);
    }

    @Test
    void dctOfAFlatSpectrumIsAllInC0() {
        double[][] flat = new double[1][Mfcc.MELS];
        java.util.Arrays.fill(flat[0], 2.0);
        double[] c = Mfcc.cepstra(flat)[0];
        assertEquals(2.0 * Math.sqrt(Mfcc.MELS), c[0], 1e-9);
        for (int k = 1; k < Mfcc.CEPS; k++) {
            assertEquals(0, c[k], 1e-9);
        }
    }

    @Test
    void deltasOfALinearRampAreItsSlope() {
        double[][] c = new double[10][1];
        for (int t = 0; t < 10; t++) {
            c[t][0] = 3 * t;
        }
        assertEquals(3, Mfcc.deltas(c)[5][0], 1e-12);
    }

    @Test
    void formantsOfASyntheticVowelAreNearTheSynthesizersTargets() {
        SpeechSynth.Speaker s = SpeechSynth.speaker(7, 2);
        for (int vowel : new int[]{0, 3, 4}) {
            float[] x = SpeechSynth.sustainedVowel(s, vowel, 110, 0.6, 16000);
            double[] f0 = Yin.track(x, 16000);
            List<double[]> f = Formants.track(x, 16000, f0, Yin.HOP, 200);
            assertTrue(f.size() > 10, "frames with formants: " + f.size());
            for (int k = 0; k < 2; k++) {
                final int idx = k;
                double[] v = f.stream().mapToDouble(a -> a[idx]).sorted().toArray();
                double median = v[v.length / 2];
                double truth = s.vowelFormants()[vowel][k];
                assertEquals(truth, median, truth * 0.12, "vowel " + vowel + " F" + (k + 1));
            }
        }
    }

    @Test
    void energyDetectorFindsTheLoudPart() {
        float[] x = new float[16000 * 3];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < x.length; i++) {
            boolean loud = i >= 16000 && i < 32000;
            x[i] = (float) ((loud ? 0.3 : 0.001) * r.nextGaussian());
        }
        var segs = SpeechDetector.segments(SpeechDetector.energyProbabilities(x), x.length);
        assertEquals(1, segs.size());
        assertEquals(16000, segs.get(0)[0], 1000);
        assertEquals(32000, segs.get(0)[1], 1000);
    }
}
