package org.exhibit.voice;

import org.exhibit.bench.BenchmarkResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VoiceBenchmarkTest {

    @Test
    void smallCorpusSeparatesSpeakersBetterThanChance() {
        BenchmarkResult r = new VoiceBenchmark().run(2, 0.05);
        assertEquals(3, r.methods().size());
        BenchmarkResult.MethodResult atOne = r.methods().get(0);
        assertEquals("voice-lr>1", atOne.method());
        assertTrue(atOne.positives() >= 40 && atOne.negatives() > atOne.positives(), atOne.toString());
        // six training speakers give a weak projection; it must still beat chance clearly
        assertTrue(atOne.equalErrorRate() < 0.35, "EER " + atOne.equalErrorRate());
        assertTrue(r.corpus().contains("Cllr"), r.corpus());
        // stricter thresholds can only lower false positives
        assertTrue(r.methods().get(2).falsePositiveRate() <= r.methods().get(1).falsePositiveRate());
        assertTrue(r.methods().get(1).falsePositiveRate() <= atOne.falsePositiveRate());
    }
}
