package org.exhibit.watermark;

import org.exhibit.bench.BenchmarkResult;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark at a small scale: the rates it measures stay where the committed full run puts them. */
class WatermarkBenchmarkTest {

    @Test
    void smallRunStaysWithinBounds() throws Exception {
        BenchmarkResult r = new WatermarkBenchmark().run(7, 0.04);
        Map<String, BenchmarkResult.MethodResult> m = r.methods().stream()
                .collect(Collectors.toMap(BenchmarkResult.MethodResult::method, x -> x));
        assertEquals(4, m.get("removal").positives());
        assertTrue(m.get("removal").falseNegativeRate() <= 0.25, m.get("removal").toString());
        assertEquals(0.0, m.get("removal").falsePositiveRate(), m.get("removal").toString());
        assertEquals(0.0, m.get("crop").falseNegativeRate(), m.get("crop").toString());
        assertEquals(0.0, m.get("not-same-image").falseNegativeRate());
        assertTrue(m.get("ocr-characters").falseNegativeRate() <= 0.2, m.get("ocr-characters").toString());
    }

    @Test
    void editDistance() {
        assertEquals(0, WatermarkBenchmark.levenshtein("@user123456", "@user123456"));
        assertEquals(1, WatermarkBenchmark.levenshtein("@user12345", "@user123456"));
        assertEquals(2, WatermarkBenchmark.levenshtein("@usel123466", "@user123456"));
    }
}
