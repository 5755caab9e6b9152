package org.exhibit.voice;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResamplerTest {

    private static float[] tone(double hz, int rate, double seconds) {
        float[] x = new float[(int) (rate * seconds)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }

    /** Amplitude of the component at hz by correlation with sine and cosine over the middle of the signal. */
    private static double amplitudeAt(float[] x, double hz, int rate) {
        int from = x.length / 4;
        int to = 3 * x.length / 4;
        double s = 0;
        double c = 0;
        for (int i = from; i < to; i++) {
            s += x[i] * Math.sin(2 * Math.PI * hz * i / rate);
            c += x[i] * Math.cos(2 * Math.PI * hz * i / rate);
        }
        return 2 * Math.hypot(s, c) / (to - from);
    }

    @Test
    void passbandToneKeepsItsFrequencyAndLevel() {
        for (int rate : new int[]{8000, 22050, 44100, 48000}) {
            float[] y = Resampler.resample(tone(1000, rate, 1), rate, 16000);
            assertEquals(16000, y.length, 1);
            assertEquals(0.5, amplitudeAt(y, 1000, 16000), 0.005, "from " + rate + " Hz");
        }
    }

    @Test
    void toneAboveTheNewNyquistDoesNotFoldBack() {
        // 11 kHz at 44.1 kHz would alias to 5 kHz at 16 kHz without the low-pass
        float[] y = Resampler.resample(tone(11000, 44100, 1), 44100, 16000);
        double alias = amplitudeAt(y, 5000, 16000);
        assertTrue(20 * Math.log10(alias / 0.5) < -70, "alias at " + 20 * Math.log10(alias / 0.5) + " dB");
    }

    @Test
    void sameRateIsACopyAndUpsamplingRoundTrips() {
        float[] x = tone(440, 16000, 0.5);
        assertArrayEquals(x, Resampler.resample(x, 16000, 16000));
        float[] back = Resampler.resample(Resampler.resample(x, 16000, 48000), 48000, 16000);
        double worst = 0;
        for (int i = 1000; i < x.length - 1000; i++) {
            worst = Math.max(worst, Math.abs(back[i] - x[i]));
        }
        assertTrue(worst < 1e-3, "round-trip error " + worst);
    }

    @Test
    void besselI0MatchesTabulatedValues() {
        // Abramowitz and Stegun, table 9.8: I0(1) = 1.266065878, I0(5) = 27.23987182
        assertEquals(1.266065878, Resampler.besselI0(1), 1e-9);
        assertEquals(27.23987182, Resampler.besselI0(5), 1e-7);
    }
}
