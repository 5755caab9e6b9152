package org.exhibit.label;

import org.exhibit.io.container.Bytes;
import org.exhibit.bench.Benchmark;
import org.exhibit.bench.BenchmarkResult;
import org.exhibit.bench.BenchmarkResult.MethodResult;
import org.exhibit.evidence.Exhibit;
import org.exhibit.fixtures.C2paBuilder;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.exhibit.io.Inputs;
import org.exhibit.io.Limits;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Error rates of the label analyzer: implicit-label detection in every carrier (labels vs look-alike text in the
 * same places), field validation (clean labels vs labels with one defect), and the SD watermark decoder on
 * watermarked vs clean pictures, untouched and after JPEG re-encoding, resizing and cropping ({@link WatermarkBench}).
 */
public final class LabelBenchmark implements Benchmark {

    @Override
    public String name() {
        return "label";
    }

    @Override
    public String description() {
        return "GB 45438 implicit labels in 18 carriers vs look-alikes; field validation; C2PA data-hash binding; "
                + "SD/SDXL watermark vs clean pictures after JPEG 90/75/50, resize 0.75/0.5 and crop";
    }

    @Override
    public BenchmarkResult run(long seed, double scale) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        int perCarrier = Math.max(1, (int) Math.round(6 * scale));
        List<MethodResult> methods = new ArrayList<>();
        Path dir = Files.createTempDirectory("exhibit-label-bench");
        try {
            methods.add(implicit(dir, r, perCarrier));
            methods.add(validation(r, Math.max(10, (int) Math.round(200 * scale))));
            methods.add(c2paBinding(dir, r, Math.max(2, (int) Math.round(20 * scale))));
            methods.addAll(WatermarkBench.run(r.split(), Math.max(4, (int) Math.round(30 * scale))));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return new BenchmarkResult(name(), seed, scale, perCarrier + " labelled and " + perCarrier
                + " look-alike files per carrier (" + LabelCorpus.CARRIERS.length + " carriers); "
                + methods.get(1).positives() + "+" + methods.get(1).negatives() + " validation cases; "
                + methods.get(2).positives() + "+" + methods.get(2).negatives() + " C2PA-signed PNGs (one byte "
                + "changed / intact); watermark " + methods.get(3).positives() + "+" + methods.get(3).negatives()
                + " 512x512 procedural pictures per condition", methods);
    }

    private static MethodResult implicit(Path dir, SplittableRandom r, int perCarrier) throws Exception {
        int pos = 0;
        int neg = 0;
        int fn = 0;
        int fp = 0;
        long start = System.nanoTime();
        int index = 0;
        for (String carrier : LabelCorpus.CARRIERS) {
            for (int i = 0; i < 2 * perCarrier; i++) {
                LabelCorpus.Item item = LabelCorpus.item(carrier, i % 2 == 0, r, index++);
                boolean found = detects(dir, item);
                if (item.positive()) {
                    pos++;
                    fn += found ? 0 : 1;
                } else {
                    neg++;
                    fp += found ? 1 : 0;
                }
            }
        }
        double ms = (System.nanoTime() - start) / 1e6 / (pos + neg);
        return new MethodResult("implicit-label", "one or more implicit label findings", pos, neg,
                rate(fp, neg), rate(fn, pos), null, ms);
    }

    private static boolean detects(Path dir, LabelCorpus.Item item) throws Exception {
        Path file = dir.resolve(item.name());
        Files.write(file, item.bytes());
        Exhibit e = Inputs.open(file, "input", Limits.DEFAULT);
        LabelAnalyzer.Result res = LabelAnalyzer.analyze(e, file, Limits.DEFAULT, new LabelAnalyzer.Options(false, null));
        Files.delete(file);
        return !res.marks().implicitLabels.isEmpty();
    }

    /** Signed PNGs, intact (negatives) or with one byte outside the manifest changed (positives). */
    private static MethodResult c2paBinding(Path dir, SplittableRandom r, int n) throws Exception {
        int fp = 0;
        int fn = 0;
        long start = System.nanoTime();
        C2paBuilder builder = C2paBuilder.of("Exhibit Bench", ImplicitFindings.SOURCE_TYPES + "trainedAlgorithmicMedia");
        for (int i = 0; i < n; i++) {
            byte[] signed = builder.png(PngBuilder.rgb(Pictures.scene(64, 48, r.nextLong())).build());
            byte[] changed = signed.clone();
            int manifestEnd = 33 + 12 + (int) Bytes.be32(signed, 33);
            changed[manifestEnd + r.nextInt(changed.length - manifestEnd)] ^= (byte) (1 + r.nextInt(255));
            fp += tampered(dir, "intact-" + i + ".png", signed) ? 1 : 0;
            fn += tampered(dir, "changed-" + i + ".png", changed) ? 0 : 1;
        }
        return new MethodResult("c2pa-binding", "c2pa.hash.data mismatch (label.c2pa-tampered)", n, n, rate(fp, n),
                rate(fn, n), null, (System.nanoTime() - start) / 1e6 / (2.0 * n));
    }

    private static boolean tampered(Path dir, String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        Exhibit e = Inputs.open(file, "input", Limits.DEFAULT);
        LabelAnalyzer.Result res = LabelAnalyzer.analyze(e, file, Limits.DEFAULT, new LabelAnalyzer.Options(false, null));
        Files.delete(file);
        return res.findings().stream().anyMatch(f -> f.rule().equals("label.c2pa-tampered"));
    }

    private static MethodResult validation(SplittableRandom r, int n) {
        int fp = 0;
        int fn = 0;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            boolean defective = i % 2 == 0;
            boolean flagged = !AigcLabel.parse(LabelCorpus.validationCase(defective, r)).compliant();
            if (defective && !flagged) {
                fn++;
            } else if (!defective && flagged) {
                fp++;
            }
        }
        int pos = (n + 1) / 2;
        int neg = n / 2;
        return new MethodResult("implicit-validation", "one or more format problems", pos, neg, rate(fp, neg),
                rate(fn, pos), null, (System.nanoTime() - start) / 1e6 / n);
    }

    static double rate(int errors, int cases) {
        return cases == 0 ? 0 : errors / (double) cases;
    }

    /** Equal error rate over all thresholds of an integer score (higher = positive). */
    static double eer(List<Integer> positives, List<Integer> negatives) {
        double best = 1;
        double bestGap = 2;
        for (int t = -1; t <= 200; t++) {
            final int th = t;
            double fnr = positives.stream().filter(s -> s <= th).count() / (double) positives.size();
            double fpr = negatives.stream().filter(s -> s > th).count() / (double) negatives.size();
            if (Math.abs(fnr - fpr) < bestGap) {
                bestGap = Math.abs(fnr - fpr);
                best = (fnr + fpr) / 2;
            }
        }
        return best;
    }
}
