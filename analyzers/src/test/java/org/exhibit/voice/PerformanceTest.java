package org.exhibit.voice;

import org.exhibit.evidence.Verdict;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PerformanceTest {

    @Test
    void minCllrIsZeroForSeparatedScoresAndNeverAboveCllr() {
        double[] s = {0.1, 0.2, 0.3, 0.8, 0.9};
        boolean[] t = {false, false, false, true, true};
        assertEquals(0, Performance.minCllr(s, t, null), 1e-12);
        Random r = new Random(3);
        int n = 2000;
        double[] score = new double[n];
        boolean[] target = new boolean[n];
        double[] llr = new double[n];
        for (int i = 0; i < n; i++) {
            target[i] = i % 4 == 0;
            score[i] = (target[i] ? 1.5 : 0) + r.nextGaussian();
            llr[i] = 3 * score[i] - 1; // badly calibrated
        }
        double min = Performance.minCllr(score, target, null);
        assertTrue(min > 0.2 && min < Performance.cllr(llr, target, null), "minCllr " + min);
        // d' = 1.5: the true LLRs of equal-variance Gaussians have Cllr 0.680 (numerical integration); PAV fits
        // the sample, so it comes out a little lower
        assertTrue(min < 0.68 && min > 0.58, "minCllr " + min);
    }

    @Test
    void eerAndItsCountsMatchTheOldMetric() {
        Random r = new Random(5);
        double[] t = new double[3000];
        double[] n = new double[3000];
        for (int i = 0; i < t.length; i++) {
            t[i] = 2 + r.nextGaussian();
            n[i] = r.nextGaussian();
        }
        double[] s = new double[6000];
        boolean[] lab = new boolean[6000];
        for (int i = 0; i < 3000; i++) {
            s[i] = t[i];
            lab[i] = true;
            s[3000 + i] = n[i];
        }
        Performance.Eer e = Performance.eer(s, lab, null);
        assertEquals(Metrics.eer(t, n), e.rate(), 1e-3);
        assertEquals(e.rate(), e.misses() / 3000.0, 0.01);
        assertEquals(e.rate(), e.falseAlarms() / 3000.0, 0.01);
    }

    @Test
    void clopperPearsonKnownValues() {
        double[] zero = Performance.clopperPearson(0, 10, 0.95);
        assertEquals(0, zero[0], 0);
        assertEquals(0.3085, zero[1], 1e-4);
        double[] half = Performance.clopperPearson(5, 10, 0.95);
        assertEquals(0.1871, half[0], 1e-4);
        assertEquals(0.8129, half[1], 1e-4);
    }

    @Test
    void speakerBootstrapBracketsTheEstimate() {
        // 6 speakers × 3 recordings: every pair a trial
        Random r = new Random(9);
        int rec = 18;
        double[][] x = new double[rec][];
        for (int i = 0; i < rec; i++) {
            x[i] = new double[]{i / 3 + 0.4 * r.nextGaussian()};
        }
        int m = rec * (rec - 1) / 2;
        double[] score = new double[m];
        boolean[] target = new boolean[m];
        int[] a = new int[m];
        int[] b = new int[m];
        int k = 0;
        for (int i = 0; i < rec; i++) {
            for (int j = i + 1; j < rec; j++) {
                score[k] = -Math.abs(x[i][0] - x[j][0]);
                a[k] = i / 3;
                b[k] = j / 3;
                target[k] = a[k] == b[k];
                k++;
            }
        }
        Performance.Interval e = Performance.bootstrap(w -> Performance.eer(score, target, w).rate(), a, b, 6, 300, 1);
        assertTrue(e.low() <= e.value() && e.value() <= e.high(), e.toString());
        assertTrue(e.high() > e.low(), e.toString());
    }

    @Test
    void verdictBadgeFollowsTheVerbalBand() {
        for (double l = -7; l <= 7; l += 0.05) {
            VerbalScale.Level level = VerbalScale.level(l);
            Verdict v = level.verdict();
            if (Math.abs(l) < 1) {
                assertEquals(Verdict.INCONCLUSIVE, v, "log10 LR " + l);
                assertTrue(level.words().startsWith("inconclusive"), level.words());
            } else if (l <= -1) {
                assertEquals(Verdict.CONTRADICTS, v);
                assertTrue(level.words().contains("different speaker"), level.words());
            } else {
                assertEquals(l >= 2 ? Verdict.STRONGLY_INDICATES : Verdict.INDICATES, v, "log10 LR " + l);
                assertTrue(level.words().contains("same speaker"), level.words());
            }
        }
    }
}
