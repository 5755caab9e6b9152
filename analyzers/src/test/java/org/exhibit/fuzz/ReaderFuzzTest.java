package org.exhibit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of every reader a file reaches (Jazzer). In a plain {@code mvn verify} each target runs
 * once per input kept under {@code src/test/resources/org/exhibit/fuzz/ReaderFuzzTestInputs/<target>/} (the seeds
 * and every crasher found so far); {@code mvn -Pfuzz} fuzzes (see README, "Fuzzing").
 */
class ReaderFuzzTest {

    private static final Path FILE = scratch();

    private static Path scratch() {
        try {
            Path dir = Files.createTempDirectory("exhibit-fuzz");
            dir.toFile().deleteOnExit();
            Path f = dir.resolve("input");
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void sd(byte[] data) {
        Targets.accept(Targets.SD, FILE, data);
    }

    @FuzzTest(maxDuration = "60s")
    void labels(byte[] data) {
        Targets.accept(Targets.LABELS, FILE, data);
    }

    @FuzzTest(maxDuration = "60s")
    void inspect(byte[] data) {
        Targets.accept(Targets.INSPECT, FILE, data);
    }

    @FuzzTest(maxDuration = "60s")
    void audio(byte[] data) {
        Targets.accept(Targets.AUDIO, FILE, data);
    }
}
