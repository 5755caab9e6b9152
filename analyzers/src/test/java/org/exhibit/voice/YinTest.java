package org.exhibit.voice;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YinTest {

    private static float[] harmonics(double hz, int rate, double seconds, int from, int to) {
        float[] x = new float[(int) (rate * seconds)];
        for (int i = 0; i < x.length; i++) {
            double v = 0;
            for (int h = from; h <= to; h++) {
                v += Math.sin(2 * Math.PI * hz * h * i / rate + h) / h;
            }
            x[i] = (float) (0.3 * v);
        }
        return x;
    }

    private static double median(double[] f0) {
        double[] v = Arrays.stream(f0).filter(x -> x > 0).sorted().toArray();
        return v.length == 0 ? 0 : v[v.length / 2];
    }

    @Test
    void pureTonesOfKnownFrequency() {
        for (double hz : new double[]{65.4, 100, 155.5, 220, 311.1, 440}) {
            double[] f0 = Yin.track(harmonics(hz, 16000, 0.5, 1, 1), 16000);
            assertEquals(hz, median(f0), hz * 0.002, "tone " + hz);
            long voiced = Arrays.stream(f0).filter(v -> v > 0).count();
            assertEquals(f0.length, voiced, "every frame of a steady tone is voiced");
        }
    }

    @Test
    void missingFundamentalIsStillFound() {
        // harmonics 2..6 of 120 Hz: the ear and YIN hear 120 Hz, not 240
        assertEquals(120, median(Yin.track(harmonics(120, 16000, 0.5, 2, 6), 16000)), 0.5);
    }

    @Test
    void whiteNoiseIsUnvoiced() {
        Random r = new Random(3);
        float[] x = new float[8000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * r.nextGaussian());
        }
        double[] f0 = Yin.track(x, 16000);
        long voiced = Arrays.stream(f0).filter(v -> v > 0).count();
        assertTrue(voiced < f0.length / 10, voiced + " of " + f0.length + " noise frames called voiced");
    }

    @Test
    void glideIsFollowed() {
        int rate = 16000;
        float[] x = new float[rate];
        double phase = 0;
        for (int i = 0; i < x.length; i++) {
            double hz = 100 + 100.0 * i / x.length;
            phase += 2 * Math.PI * hz / rate;
            x[i] = (float) (0.5 * Math.sin(phase));
        }
        double[] f0 = Yin.track(x, rate);
        for (int f = 0; f < f0.length; f++) {
            double centre = (f * Yin.HOP + Yin.WINDOW / 2.0) / x.length;
            assertEquals(100 + 100 * centre, f0[f], 3, "frame " + f);
        }
    }
}
