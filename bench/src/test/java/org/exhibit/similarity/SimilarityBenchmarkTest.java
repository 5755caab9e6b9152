package org.exhibit.similarity;

import org.exhibit.bench.BenchmarkResult;
import org.exhibit.bench.Benchmarks;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimilarityBenchmarkTest {

    @Test
    void smallRunKeepsTheRatesSane() {
        assertTrue(Benchmarks.all().containsKey("similarity"), "registered in META-INF/services");
        BenchmarkResult r = new SimilarityBenchmark().run(7, 0.1); // 3 sources, 36 copies, 36 different pairs
        Map<String, BenchmarkResult.MethodResult> m = r.methods().stream()
                .collect(Collectors.toMap(BenchmarkResult.MethodResult::method, x -> x));
        assertEquals(36, m.get("pdq").positives());
        assertEquals(36, m.get("pdq").negatives());
        // keypoints find every kind of edit in the corpus and nothing between different pictures
        assertTrue(m.get("keypoints").falseNegativeRate() <= 0.1, m.get("keypoints").toString());
        assertTrue(m.get("keypoints").falsePositiveRate() <= 0.05, m.get("keypoints").toString());
        assertTrue(m.get("combined").falseNegativeRate() <= 0.1, m.get("combined").toString());
        assertTrue(m.get("combined").falsePositiveRate() <= 0.05, m.get("combined").toString());
        // whole-image hashes miss crops, rotations and pastes by design, and never call different pictures copies here
        assertTrue(m.get("pdq").falseNegativeRate() >= 0.2, m.get("pdq").toString());
        assertTrue(m.get("pdq").falsePositiveRate() <= 0.05, m.get("pdq").toString());
        for (BenchmarkResult.MethodResult x : r.methods()) {
            assertTrue(x.equalErrorRate() >= 0 && x.equalErrorRate() <= 0.5, x.toString());
            assertTrue(x.millisPerItem() > 0, x.toString());
        }
    }
}
