package org.exhibit.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.exhibit.evidence.ErrorRate;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed error-rates.json files are written here (BenchmarkResult) and read in the product (ErrorRates,
 * with its own records): every benchmark has one, and every method in it reads back as the same rates.
 */
class CommittedRatesTest {

    @Test
    void everyBenchmarkHasCommittedRatesThatTheProductReadsBackUnchanged() throws Exception {
        assertFalse(Benchmarks.all().isEmpty());
        for (String name : Benchmarks.all().keySet()) {
            BenchmarkResult committed;
            try (InputStream in = ErrorRates.class.getResourceAsStream("/org/exhibit/" + name + "/error-rates.json")) {
                assertNotNull(in, name + ": no committed error-rates.json");
                committed = new ObjectMapper().readValue(in, BenchmarkResult.class);
            }
            assertEquals(name, committed.benchmark());
            assertFalse(committed.methods().isEmpty(), name);
            for (BenchmarkResult.MethodResult m : committed.methods()) {
                ErrorRate r = ErrorRates.of(name, m.method());
                String what = name + "/" + m.method();
                assertEquals(m.falsePositiveRate(), r.falsePositiveRate(), what);
                assertEquals(m.falseNegativeRate(), r.falseNegativeRate(), what);
                assertEquals(m.positives() + m.negatives(), r.trials(), what);
                assertTrue(r.source().startsWith("exhibit bench " + name + " --seed " + committed.seed() + " ("),
                        r.source());
                assertTrue(r.source().contains("threshold " + m.threshold()), r.source());
            }
        }
    }
}
