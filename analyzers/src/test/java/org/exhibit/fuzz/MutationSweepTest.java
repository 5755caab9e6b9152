package org.exhibit.fuzz;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A deterministic fuzz sweep that runs in every build: each seed (every carrier, built in code, and the real
 * files of ../shared/samples when present) under fixed mutations — truncation, bit flips, length fields set to
 * huge or zero, bytes dropped or repeated — through every reader. Jazzer ({@link ReaderFuzzTest}) explores further.
 */
class MutationSweepTest {

    @TempDir
    Path dir;

    static List<byte[]> mutations(byte[] seed, long salt, int n) {
        Random rnd = new Random(salt);
        List<byte[]> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            byte[] m = seed.clone();
            int len = m.length;
            switch (k % 6) {
                case 0 -> m = Arrays.copyOf(m, rnd.nextInt(Math.max(1, len)));
                case 1 -> {
                    for (int i = 0; i < 1 + rnd.nextInt(16); i++) {
                        int at = rnd.nextInt(len);
                        m[at] ^= (byte) (1 << rnd.nextInt(8));
                    }
                }
                case 2, 3 -> { // a 32-bit field set to a hostile value: where lengths and counts live
                    int at = rnd.nextInt(Math.max(1, len - 4));
                    int v = new int[]{0xFFFFFFFF, 0x7FFFFFFF, 0, 0x10000000, 1}[rnd.nextInt(5)];
                    ByteBuffer.wrap(m, at, Math.min(4, len - at)).putInt(v);
                }
                case 4 -> {
                    int at = rnd.nextInt(len);
                    int cut = Math.min(len - at, 1 + rnd.nextInt(64));
                    byte[] d = new byte[len - cut];
                    System.arraycopy(m, 0, d, 0, at);
                    System.arraycopy(m, at + cut, d, at, len - at - cut);
                    m = d;
                }
                default -> { // a slice repeated: duplicated chunks, segments, boxes
                    int at = rnd.nextInt(len);
                    int n2 = Math.min(len - at, 1 + rnd.nextInt(256));
                    byte[] d = new byte[len + n2 * 3];
                    System.arraycopy(m, 0, d, 0, at + n2);
                    for (int r = 1; r <= 3; r++) {
                        System.arraycopy(m, at, d, at + n2 * r, n2);
                    }
                    System.arraycopy(m, at + n2, d, at + n2 * 4, len - at - n2);
                    m = d;
                }
            }
            out.add(m);
        }
        return out;
    }

    private void sweep(String name, byte[] seed, int n) {
        List<Targets.Target> targets = List.of(Targets.SD, Targets.LABELS, Targets.INSPECT, Targets.AUDIO);
        List<String> names = List.of("sd", "labels", "inspect", "audio");
        Path f = dir.resolve("input");
        List<byte[]> inputs = new ArrayList<>(mutations(seed, name.hashCode(), n));
        inputs.add(0, seed);
        for (int i = 0; i < inputs.size(); i++) {
            for (int t = 0; t < targets.size(); t++) {
                try {
                    Targets.accept(targets.get(t), f, inputs.get(i));
                } catch (RuntimeException | Error e) {
                    fail(names.get(t) + " on " + name + " mutation " + i + ": " + e, e);
                }
            }
        }
    }

    @Test
    void everyCarrierBuiltInCode() {
        Map<String, byte[]> seeds = Seeds.built();
        assertTrue(seeds.size() >= 15);
        seeds.forEach((name, bytes) -> sweep(name, bytes, 30));
    }

    @Test
    void theRealSamples() throws Exception {
        List<Path> real = Seeds.realSamples();
        org.junit.jupiter.api.Assumptions.assumeFalse(real.isEmpty(), "../shared/samples absent; skipped");
        for (Path p : real) {
            sweep(p.getFileName().toString(), Files.readAllBytes(p), 3);
        }
    }
}
