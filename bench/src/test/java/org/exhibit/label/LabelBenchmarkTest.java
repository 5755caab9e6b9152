package org.exhibit.label;

import org.exhibit.bench.BenchmarkResult;
import org.exhibit.bench.ErrorRates;
import org.exhibit.evidence.ErrorRate;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelBenchmarkTest {

    @Test
    void smallRunStaysWithinSaneBounds() throws Exception {
        BenchmarkResult r = new LabelBenchmark().run(7, 0.05);
        Map<String, BenchmarkResult.MethodResult> m = r.methods().stream()
                .collect(Collectors.toMap(BenchmarkResult.MethodResult::method, Function.identity()));
        assertEquals(0.0, m.get("implicit-label").falseNegativeRate(), "every carrier's label is found");
        assertEquals(0.0, m.get("implicit-label").falsePositiveRate(), "no look-alike is taken for a label");
        assertEquals(0.0, m.get("implicit-validation").falseNegativeRate());
        assertEquals(0.0, m.get("c2pa-binding").falseNegativeRate());
        assertEquals(0.0, m.get("c2pa-binding").falsePositiveRate());
        assertTrue(m.get("sd-watermark-sdxl").falsePositiveRate() <= 0.25);
        assertTrue(m.get("sd-watermark-sdxl").falseNegativeRate() <= 0.75);
        assertEquals(LabelCorpus.CARRIERS.length, m.get("implicit-label").positives());
    }

    @Test
    void findingsCiteTheCommittedRates() {
        ErrorRate e = ErrorRates.of("label", "sd-watermark-sdxl");
        assertNotNull(e.falsePositiveRate(), e.source());
        assertTrue(e.source().startsWith("exhibit bench label"), e.source());
        assertNotNull(ErrorRates.of("label", "implicit-label").falseNegativeRate());
    }
}
