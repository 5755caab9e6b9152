package org.exhibit.sd.hash;

import org.exhibit.bench.Benchmark;
import org.exhibit.bench.BenchmarkResult;
import org.exhibit.bench.BenchmarkResult.MethodResult;
import org.exhibit.evidence.EvidencePointer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * {@code exhibit bench sd-hash}: (1) recorded-hash matching over generated weight files: positives are hashes of
 * files in the folder under the schemes generators write, negatives hashes of one-byte edits of them (a re-saved
 * or altered model); (2) hashing speed on a generated 256 MiB safetensors file; (3) the history diff over
 * generated edit sequences ({@link HistoryBench}).
 */
public final class SdHashBenchmark implements Benchmark {

    private static final int FILES = 120;
    private static final long BIG = 256L << 20;

    @Override
    public String name() {
        return "sd-hash";
    }

    @Override
    public String description() {
        return "Model-hash matching (AutoV2/AutoV3/SHA-256 prefixes; AutoV1/CRC32) against one-byte edits, hashing "
                + "MB/s on a 256 MiB file, and history-diff misses/spurious changes over generated edit sequences.";
    }

    @Override
    public BenchmarkResult run(long seed, double scale) throws Exception {
        Path dir = Files.createTempDirectory("exhibit-bench-sd-hash");
        try {
            List<MethodResult> methods = new ArrayList<>(matching(dir, seed, Math.max(6, (int) (FILES * scale))));
            methods.add(throughput(dir, seed, Math.max(1L << 20, (long) (BIG * Math.min(scale, 1.0)))));
            methods.add(HistoryBench.run(seed, Math.max(20, (int) (2000 * scale))));
            return new BenchmarkResult(name(), seed, scale, "weight files: " + Math.max(6, (int) (FILES * scale))
                    + " generated safetensors/ckpt files of 4 KiB-1.5 MiB, each recorded hash tested against the "
                    + "file and against a one-byte edit of it; speed: one generated safetensors file of "
                    + Math.max(1L << 20, (long) (BIG * Math.min(scale, 1.0))) / (1 << 20) + " MiB; history: "
                    + Math.max(20, (int) (2000 * scale)) + " generated A1111 edit steps", methods);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Strong schemes (prefixes of SHA-256 / addnet) and weak ones (AutoV1, CRC32), each against one-byte edits. */
    private static List<MethodResult> matching(Path dir, long seed, int count) throws IOException {
        Random random = new Random(seed);
        Path in = Files.createDirectories(dir.resolve("models"));
        Path out = Files.createDirectories(dir.resolve("edited"));
        List<ModelFileHashes> present = new ArrayList<>();
        List<ModelFileHashes> edited = new ArrayList<>();
        long nanos = 0;
        for (int i = 0; i < count; i++) {
            boolean safetensors = i % 2 == 0;
            byte[] bytes = weightFile(random, safetensors, i % 3 == 0 ? 1_100_000 + random.nextInt(400_000)
                    : 4096 + random.nextInt(600_000));
            String name = "m" + i + (safetensors ? ".safetensors" : ".ckpt");
            Files.write(in.resolve(name), bytes);
            int at = (safetensors ? bytes.length / 2 : 0) + random.nextInt(bytes.length / 2);
            bytes[at] ^= (byte) (1 + random.nextInt(255));
            Files.write(out.resolve(name), bytes);
            long t = System.nanoTime();
            present.add(ModelHasher.hash(in.resolve(name), name));
            nanos += System.nanoTime() - t;
            edited.add(ModelHasher.hash(out.resolve(name), "edited/" + name));
        }
        int[] strong = new int[2];
        int[] autoV1 = new int[2];
        int[] crc = new int[2];
        int autoV1Cases = 0;
        for (int i = 0; i < count; i++) {
            ModelFileHashes f = present.get(i);
            ModelFileHashes e = edited.get(i);
            for (String[] h : strongHashes(f, e)) {
                tally(strong, h[0], present, f, true);
                tally(strong, h[1], present, f, false);
            }
            if (f.size() >= ModelHasher.AUTOV1_OFFSET + ModelHasher.AUTOV1_LENGTH) {
                autoV1Cases++;
                tally(autoV1, f.autoV1(), present, f, true);
                tally(autoV1, e.autoV1(), present, f, false);
            }
            tally(crc, f.civitaiCrc32(), present, f, true);
            tally(crc, e.civitaiCrc32(), present, f, false);
        }
        double ms = nanos / 1e6 / count;
        int strongCount = count * strongHashes(present.get(0), edited.get(0)).size();
        return List.of(
                new MethodResult("hash-match", "recorded AutoV2 (10 hex), LoRA/TI shorthash (12 hex) or SHA256 is a "
                        + "prefix of exactly one file's SHA-256 or addnet hash", strongCount, strongCount,
                        strong[1] / (double) strongCount, strong[0] / (double) strongCount, null, ms),
                new MethodResult("hash-match-autov1", "recorded AutoV1 (8 hex; files over 1.06 MiB) equals exactly one "
                        + "file's", autoV1Cases, autoV1Cases, autoV1[1] / (double) Math.max(1, autoV1Cases),
                        autoV1[0] / (double) Math.max(1, autoV1Cases), null, ms),
                new MethodResult("hash-match-crc32", "recorded CRC32 (8 hex, either byte order) equals exactly one "
                        + "file's", count, count, crc[1] / (double) count, crc[0] / (double) count, null, ms));
    }

    /** Pairs {hash of the file in the folder, the same scheme's hash of its edited copy}. */
    private static List<String[]> strongHashes(ModelFileHashes f, ModelFileHashes e) {
        return List.of(new String[]{f.autoV2(), e.autoV2()}, new String[]{f.loraShortHash(), e.loraShortHash()},
                new String[]{f.sha256().substring(0, 12), e.sha256().substring(0, 12)},
                new String[]{f.sha256(), e.sha256()});
    }

    /** counts[0] = positives missed, counts[1] = negatives matched. */
    private static void tally(int[] counts, String hash, List<ModelFileHashes> files, ModelFileHashes truth,
                              boolean positive) {
        RecordedHash r = new RecordedHash("Model hash", null, "checkpoint", hash,
                new EvidencePointer(null, "bench", "Model hash", null, null, null, null, null));
        HashMatcher.Result m = HashMatcher.match(r, files);
        boolean named = m.outcome() == HashMatcher.Outcome.MATCH && m.hits().get(0).file().equals(truth);
        if (positive && !named) {
            counts[0]++;
        } else if (!positive && m.outcome() != HashMatcher.Outcome.NO_MATCH) {
            counts[1]++;
        }
    }

    private static MethodResult throughput(Path dir, long seed, long size) throws IOException {
        Path big = dir.resolve("big.safetensors");
        Random random = new Random(seed);
        byte[] header = "{\"t\":{\"dtype\":\"U8\",\"shape\":[SIZE],\"data_offsets\":[0,SIZE]}}"
                .replace("SIZE", Long.toString(size)).getBytes(StandardCharsets.UTF_8);
        try (OutputStream o = Files.newOutputStream(big)) {
            o.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
            o.write(header);
            byte[] block = new byte[1 << 20];
            for (long done = 0; done < size; done += block.length) {
                random.nextBytes(block);
                o.write(block, 0, (int) Math.min(block.length, size - done));
            }
        }
        ModelHasher.hash(big, "big.safetensors"); // first pass warms the JIT and the page cache
        long t = System.nanoTime();
        ModelFileHashes h = ModelHasher.hash(big, "big.safetensors");
        double msPerMiB = (System.nanoTime() - t) / 1e6 / (h.size() / (double) (1 << 20));
        return new MethodResult("hash-throughput", "speed only: one pass computing SHA-256, addnet, AutoV1 and "
                + "CRC32; millisPerItem is per MiB (MB/s = 1048.576 / millisPerItem)", 0, 0, 0, 0, null, msPerMiB);
    }

    /** A weight file: safetensors (header + random F32 data) or a pickle-like .ckpt of random bytes. */
    private static byte[] weightFile(Random random, boolean safetensors, int size) {
        if (!safetensors) {
            byte[] b = new byte[size];
            random.nextBytes(b);
            b[0] = (byte) 0x80;
            b[1] = 2;
            return b;
        }
        int floats = size / 4;
        byte[] header = ("{\"__metadata__\":{\"ss_network_dim\":\"" + (4 << random.nextInt(5)) + "\"},\"w\":{\"dtype\":"
                + "\"F32\",\"shape\":[" + floats + "],\"data_offsets\":[0," + floats * 4 + "]}}")
                .getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + floats * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length).put(header);
        byte[] data = new byte[floats * 4];
        random.nextBytes(data);
        return b.put(data).array();
    }
}
