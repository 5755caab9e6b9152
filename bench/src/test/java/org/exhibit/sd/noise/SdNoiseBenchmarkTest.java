package org.exhibit.sd.noise;

import org.exhibit.bench.BenchmarkResult;
import org.exhibit.bench.Benchmarks;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SdNoiseBenchmarkTest {

    @Test
    void exactMethodsMissNothingAndThePortableKernelMissesFewBits() throws Exception {
        assertTrue(Benchmarks.all().containsKey("sd-noise"), "registered in META-INF/services");
        BenchmarkResult r = new SdNoiseBenchmark().run(1, 0.1);
        Map<String, BenchmarkResult.MethodResult> m = r.methods().stream()
                .collect(Collectors.toMap(BenchmarkResult.MethodResult::method, x -> x));
        for (String exact : new String[]{"torch-cpu-avx2", "torch-cpu-double-path", "philox-nv", "a1111-variation-slerp"}) {
            assertEquals(0.0, m.get(exact).falseNegativeRate(), exact);
            assertTrue(m.get(exact).positives() >= 16, exact);
        }
        assertEquals(0.0, m.get("torch-cpu-avx2-latent").falseNegativeRate());
        assertEquals(0.0, m.get("philox-nv-latent").falseNegativeRate());
        double portable = m.get("torch-cpu-portable").falseNegativeRate();
        assertTrue(portable < 0.1, "portable kernel bit misses " + portable);
        assertTrue(m.get("torch-cpu-avx2").millisPerItem() > 0);
    }
}
