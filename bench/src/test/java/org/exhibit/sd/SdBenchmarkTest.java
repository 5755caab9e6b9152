package org.exhibit.sd;

import org.exhibit.bench.BenchmarkResult;
import org.exhibit.io.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SdBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void everyFormatRoundTripsInASmallCorpus() throws Exception {
        List<SdCorpus.Item> items = SdCorpus.build(7, 72);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            SdCorpus.Item it = items.get(i);
            Path f = dir.resolve(i + ".bin");
            Files.write(f, it.bytes());
            List<GenerationRecord> read = SdMetadata.read(f, Limits.DEFAULT);
            if (it.expected() == null) {
                if (!read.isEmpty()) {
                    failures.add(it.kind() + ": record from a file without one: " + read.get(0));
                }
            } else if (read.isEmpty()) {
                failures.add(it.kind() + ": no record");
            } else {
                String m = SdBenchmark.mismatch(it.kind(), it.expected(), read.get(0));
                if (m != null) {
                    failures.add(it.kind() + ": " + m + "\n  expected " + describe(it.expected()) + "\n  read     "
                            + describe(read.get(0)));
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void benchmarkRatesAreSane() throws Exception {
        BenchmarkResult r = new SdBenchmark().run(3, 0.02);
        BenchmarkResult.MethodResult all = r.methods().get(0);
        assertEquals(SdBenchmark.READ, all.method());
        assertTrue(all.positives() > 30 && all.negatives() > 4, all.toString());
        assertEquals(0.0, all.falseNegativeRate(), all.toString());
        assertEquals(0.0, all.falsePositiveRate(), all.toString());
    }

    private static String describe(GenerationRecord g) {
        return org.exhibit.report.JsonReportWriter.toJson(g).replace("\n", " ");
    }
}
