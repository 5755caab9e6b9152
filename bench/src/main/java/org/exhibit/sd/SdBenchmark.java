package org.exhibit.sd;

import org.exhibit.bench.Benchmark;
import org.exhibit.bench.BenchmarkResult;
import org.exhibit.io.InputException;
import org.exhibit.io.Limits;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Reading accuracy and speed: writes ~2,000 files in every format (as each generator writes them) from random
 * records, reads them back, and counts files whose record does not round-trip (a false negative: a field lost or
 * changed) and files without a record that were read as having one (a false positive).
 */
public final class SdBenchmark implements Benchmark {

    static final String NAME = "sd";
    /** The method id findings cite. */
    public static final String READ = "sd-read";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Generation-record reading: writes records in every supported format and checks every field "
                + "reads back (false negatives) and that files without a record yield none (false positives).";
    }

    @Override
    public BenchmarkResult run(long seed, double scale) throws Exception {
        int count = Math.max(SdCorpus.Kind.values().length, (int) Math.round(2000 * scale));
        List<SdCorpus.Item> items = SdCorpus.build(seed, count);
        Path dir = Files.createTempDirectory("exhibit-sd-bench");
        try {
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Path f = dir.resolve(String.format("%05d.bin", i));
                Files.write(f, items.get(i).bytes());
                files.add(f);
            }
            Map<SdCorpus.Kind, int[]> perKind = new EnumMap<>(SdCorpus.Kind.class); // {cases, errors}
            int positives = 0;
            int negatives = 0;
            int missed = 0;
            int falseAlarms = 0;
            long start = System.nanoTime();
            for (int i = 0; i < items.size(); i++) {
                SdCorpus.Item item = items.get(i);
                boolean ok;
                try {
                    List<GenerationRecord> read = SdMetadata.read(files.get(i), Limits.DEFAULT);
                    ok = item.expected() == null ? read.isEmpty()
                            : !read.isEmpty() && mismatch(item.kind(), item.expected(), read.get(0)) == null;
                } catch (InputException e) {
                    ok = false;
                }
                int[] k = perKind.computeIfAbsent(item.kind(), x -> new int[2]);
                k[0]++;
                k[1] += ok ? 0 : 1;
                if (item.expected() == null) {
                    negatives++;
                    falseAlarms += ok ? 0 : 1;
                } else {
                    positives++;
                    missed += ok ? 0 : 1;
                }
            }
            double ms = (System.nanoTime() - start) / 1e6 / items.size();
            List<BenchmarkResult.MethodResult> methods = new ArrayList<>();
            methods.add(new BenchmarkResult.MethodResult(READ, "every field read back exactly", positives, negatives,
                    rate(falseAlarms, negatives), rate(missed, positives), null, ms));
            perKind.forEach((kind, k) -> {
                boolean negative = kind.name().startsWith("NONE");
                methods.add(new BenchmarkResult.MethodResult(READ + "/" + kind.name().toLowerCase(),
                        "every field read back exactly", negative ? 0 : k[0], negative ? k[0] : 0,
                        negative ? rate(k[1], k[0]) : 0.0, negative ? 0.0 : rate(k[1], k[0]), null, null));
            });
            return new BenchmarkResult(NAME, seed, scale, items.size() + " files: " + SdCorpus.Kind.values().length
                    + " formats cycled (A1111 PNG tEXt/iTXt/zTXt, JPEG EXIF big- and little-endian, WebP, stealth "
                    + "RGB; ComfyUI graph; NovelAI text+stealth alpha and stealth only; SwarmUI; InvokeAI; Fooocus; "
                    + "Easy Diffusion; Draw Things XMP) and 3 kinds without a record", methods);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double rate(int errors, int cases) {
        return cases == 0 ? 0.0 : (double) errors / cases;
    }

    /** The first field of {@code exp} that {@code got} does not reproduce, or null when all do. */
    static String mismatch(SdCorpus.Kind kind, GenerationRecord exp, GenerationRecord got) {
        String k = kind.name();
        boolean a1111 = k.startsWith("A1111");
        if (!Objects.equals(exp.prompt(), got.prompt())) {
            return "prompt";
        }
        if (!Objects.equals(blank(exp.negativePrompt()), blank(got.negativePrompt()))) {
            return "negativePrompt";
        }
        if (!Objects.equals(exp.seed(), got.seed()) || !Objects.equals(exp.steps(), got.steps())
                || !Objects.equals(exp.cfgScale(), got.cfgScale()) || !Objects.equals(exp.sampler(), got.sampler())) {
            return "seed/steps/cfg/sampler";
        }
        if (!Objects.equals(exp.width(), got.width()) || !Objects.equals(exp.height(), got.height())) {
            return "size";
        }
        boolean noScheduler = kind == SdCorpus.Kind.INVOKEAI || kind == SdCorpus.Kind.EASYDIFFUSION
                || kind == SdCorpus.Kind.DRAWTHINGS;
        if (!noScheduler && !Objects.equals(exp.scheduler(), got.scheduler())) {
            return "scheduler";
        }
        if (!Objects.equals(exp.model(), got.model())) {
            return "model";
        }
        boolean hashed = a1111 || kind == SdCorpus.Kind.INVOKEAI || kind == SdCorpus.Kind.FOOOCUS
                || k.startsWith("NOVELAI");
        if (hashed && !Objects.equals(exp.modelHash(), got.modelHash())) {
            return "modelHash";
        }
        if (a1111 && (!Objects.equals(exp.clipSkip(), got.clipSkip()) || !Objects.equals(exp.rngSource(), got.rngSource()))) {
            return "clipSkip/rng";
        }
        if (kind == SdCorpus.Kind.COMFYUI && exp.clipSkip() != null && exp.clipSkip() > 1
                && !Objects.equals(exp.clipSkip(), got.clipSkip())) {
            return "clipSkip";
        }
        if (exp.loras().size() != got.loras().size()) {
            return "loras";
        }
        for (int i = 0; i < exp.loras().size(); i++) {
            Lora e = exp.loras().get(i);
            Lora g = got.loras().get(i);
            if (!e.name().equals(g.name()) || !Objects.equals(e.weight(), g.weight())
                    || (e.hash() != null && !e.hash().equals(g.hash()))) {
                return "lora " + i;
            }
        }
        return null;
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
