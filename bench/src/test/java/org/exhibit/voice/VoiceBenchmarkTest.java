package org.exhibit.voice;

import org.exhibit.bench.BenchmarkResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VoiceBenchmarkTest {

    @Test
    void shippedBackendSeparatesHeldOutSpeakers() {
        // the first 4 of the benchmark's 40 held-out speakers, scored with the shipped backend
        BenchmarkResult r = new VoiceBenchmark().evaluate(VoiceBackend.shipped(), BackendTrainer.SEED, 0.1);
        assertEquals(3, r.methods().size());
        BenchmarkResult.MethodResult atOne = r.methods().get(0);
        assertEquals("voice-lr>1", atOne.method());
        assertEquals(40, atOne.positives());
        assertEquals(150, atOne.negatives());
        assertTrue(atOne.equalErrorRate() < 0.3, "EER " + atOne.equalErrorRate());
        assertTrue(r.corpus().contains("Cllr"), r.corpus());
        // stricter thresholds can only lower false positives
        assertTrue(r.methods().get(2).falsePositiveRate() <= r.methods().get(1).falsePositiveRate());
        assertTrue(r.methods().get(1).falsePositiveRate() <= atOne.falsePositiveRate());
    }

    @Test
    void ldaKeepsTheSpeakerDirectionAndDiscardsTheNuisance() {
        // dimension 0 carries the speaker; dimension 1 a large per-recording nuisance; the rest small noise
        Random r = new Random(4);
        List<SyntheticCorpus.Clip> clips = new ArrayList<>();
        for (int s = 0; s < 30; s++) {
            double[] who = {r.nextGaussian(), 0, r.nextGaussian()};
            for (int c = 0; c < 6; c++) {
                double[] v = {who[0] + 0.05 * r.nextGaussian(), 5 * r.nextGaussian(),
                        who[2] + 0.05 * r.nextGaussian(), 0.1 * r.nextGaussian()};
                clips.add(new SyntheticCorpus.Clip(s, v, 1, 0));
            }
        }
        VoiceBackend b = BackendTrainer.fitProjection(clips);
        double[] first = b.projection()[0];
        assertTrue(Math.abs(first[1]) < 0.05 * (Math.abs(first[0]) + Math.abs(first[2])),
                "nuisance weight " + first[1]);
        double[] second = b.projection()[1];
        assertTrue(Math.abs(second[1]) < 0.05 * (Math.abs(second[0]) + Math.abs(second[2])),
                "nuisance weight " + second[1]);
    }
}
