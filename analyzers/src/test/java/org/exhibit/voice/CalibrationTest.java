package org.exhibit.voice;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CalibrationTest {

    /**
     * For equal-variance Gaussian scores, N(μt, σ²) vs N(μn, σ²), the true log LR is linear:
     * ln LR(s) = (μt - μn)/σ² · s - (μt² - μn²)/(2σ²). Logistic regression must recover it.
     */
    @Test
    void recoversTheLogLikelihoodRatioOfGaussianScores() {
        Random r = new Random(11);
        double mt = 0.6;
        double mn = 0.1;
        double sd = 0.15;
        double[] t = new double[20000];
        double[] n = new double[40000];
        for (int i = 0; i < t.length; i++) {
            t[i] = mt + sd * r.nextGaussian();
        }
        for (int i = 0; i < n.length; i++) {
            n[i] = mn + sd * r.nextGaussian();
        }
        Calibration c = Calibration.fit(t, n);
        double slope = (mt - mn) / (sd * sd);
        double offset = -(mt * mt - mn * mn) / (2 * sd * sd);
        assertEquals(slope, c.slope(), slope * 0.03);
        assertEquals(offset, c.offset(), Math.abs(offset) * 0.03);
    }

    @Test
    void cllrOfAnUninformativeSystemIsOneAndEerOfSeparatedScoresIsZero() {
        assertEquals(1.0, Metrics.cllr(new double[]{0, 0}, new double[]{0, 0, 0}), 1e-12);
        assertEquals(0.0, Metrics.eer(new double[]{0.8, 0.9}, new double[]{0.1, 0.2, 0.3}), 1e-12);
        // well-calibrated strong LRs cost little; the same LRs on the wrong side cost a lot
        assertEquals(0.0, Metrics.cllr(new double[]{6}, new double[]{-6}), 1e-5);
        assertEquals(6 / Math.log10(2), Metrics.cllr(new double[]{-6}, new double[]{6}), 1e-3);
    }

    @Test
    void eerOfOverlappingGaussiansMatchesTheory() {
        // d' = 2: EER = Φ(-1) = 0.158655
        Random r = new Random(5);
        double[] t = new double[50000];
        double[] n = new double[50000];
        for (int i = 0; i < t.length; i++) {
            t[i] = 2 + r.nextGaussian();
            n[i] = r.nextGaussian();
        }
        assertEquals(0.158655, Metrics.eer(t, n), 0.005);
    }
}
