package org.exhibit.sd.hash;

import org.exhibit.bench.BenchmarkResult;
import org.exhibit.bench.Benchmarks;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SdHashBenchmarkTest {

    @Test
    void smallRunKeepsTheRatesSane() throws Exception {
        BenchmarkResult r = Benchmarks.all().get("sd-hash").run(3, 0.03);
        Map<String, BenchmarkResult.MethodResult> m = r.methods().stream()
                .collect(Collectors.toMap(BenchmarkResult.MethodResult::method, x -> x));
        BenchmarkResult.MethodResult strong = m.get("hash-match");
        assertTrue(strong.positives() > 0);
        assertEquals(0.0, strong.falsePositiveRate());
        assertEquals(0.0, strong.falseNegativeRate());
        assertEquals(0.0, m.get("hash-match-crc32").falsePositiveRate());
        assertEquals(0.0, m.get("hash-match-autov1").falseNegativeRate());
        BenchmarkResult.MethodResult history = m.get("history-diff");
        assertTrue(history.positives() > 20, "edits made: " + history.positives());
        assertTrue(history.falseNegativeRate() <= 0.01, "missed: " + history.falseNegativeRate());
        assertTrue(history.falsePositiveRate() <= 0.01, "spurious: " + history.falsePositiveRate());
        assertTrue(m.get("hash-throughput").millisPerItem() > 0);
    }
}
