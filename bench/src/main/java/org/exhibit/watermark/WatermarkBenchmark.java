package org.exhibit.watermark;

import org.exhibit.bench.Benchmark;
import org.exhibit.bench.BenchmarkResult;
import org.exhibit.bench.BenchmarkResult.MethodResult;
import org.exhibit.evidence.Region;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.WatermarkRemovals;
import org.exhibit.fixtures.WatermarkRemovals.Variant;
import org.exhibit.fixtures.Watermarks;
import org.exhibit.models.ModelStore;
import org.exhibit.ocr.Ocr;
import org.exhibit.ocr.TextLine;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generated platform watermarks (Noto Sans SC handle "@userNNNNNN" and a logo, a random corner, text 3–6 % of
 * the short side, opacity 0.6–0.9, on procedural scenes 480–800 px) and, for each, every {@link Variant} plus
 * an unrelated picture; the mark is located by OCR (end to end), then each case is decided. Reports the
 * removal and crop decisions' error rates, per-variant accuracy, removal-method accuracy and exact OCR of the
 * user ID.
 */
public final class WatermarkBenchmark implements Benchmark {

    static final int FULL_ORIGINALS = 24;

    @Override
    public String name() {
        return "watermark";
    }

    @Override
    public String description() {
        return "Generated watermarked pictures and their removal variants (crop, fill, blur, clone, inpaint) and "
                + "controls (untouched, JPEG, resized, unrelated picture); decision error rates and OCR accuracy.";
    }

    @Override
    public BenchmarkResult run(long seed, double scale) throws Exception {
        int originals = Math.max(1, (int) Math.round(FULL_ORIGINALS * scale));
        Font font = Font.createFont(Font.TRUETYPE_FONT, ModelStore.path("font-noto-sans-sc").toFile());
        Map<Variant, int[]> correct = new EnumMap<>(Variant.class), total = new EnumMap<>(Variant.class);
        int[] methodRight = {0, 0};
        int idExact = 0, unrelatedRight = 0;
        double charErrors = 0, charTotal = 0, caseMillis = 0, locateMillis = 0;
        int cases = 0;
        List<double[]> scores = new ArrayList<>(); // {1 - structure, removed ? 1 : 0}
        try (Ocr ocr = Ocr.open()) {
            for (int i = 0; i < originals; i++) {
                Watermarks.Marked m = Watermarks.random(font, seed * 1000 + i);
                long t0 = System.nanoTime();
                MarkLocator.Located mark = MarkLocator.locate(m.image(), ocr);
                locateMillis += (System.nanoTime() - t0) / 1e6;
                String read = mark == null ? "" : best(mark.lines(), m.text());
                idExact += read.equals(m.text()) ? 1 : 0;
                charErrors += Math.min(m.text().length(), levenshtein(read, m.text()));
                charTotal += m.text().length();
                for (Variant v : Variant.values()) {
                    BufferedImage accused = WatermarkRemovals.apply(m, v);
                    total.computeIfAbsent(v, k -> new int[1])[0]++;
                    correct.computeIfAbsent(v, k -> new int[1]);
                    if (mark == null) {
                        continue;
                    }
                    long t1 = System.nanoTime();
                    MarkCheck c = MarkCheck.run(m.image(), accused, mark, null);
                    caseMillis += (System.nanoTime() - t1) / 1e6;
                    cases++;
                    Decision.Outcome want = v == Variant.CROPPED ? Decision.Outcome.CROPPED
                            : v.removesMark() ? Decision.Outcome.REMOVED : Decision.Outcome.PRESENT;
                    correct.get(v)[0] += c.outcome() == want ? 1 : 0;
                    if (c.measures() != null && v != Variant.CROPPED) {
                        scores.add(new double[]{1 - c.measures().structure(), v.removesMark() ? 1 : 0});
                    }
                    if (v.removesMark() && v != Variant.CROPPED && c.outcome() == Decision.Outcome.REMOVED) {
                        methodRight[1]++;
                        methodRight[0] += matches(v, c.method()) ? 1 : 0;
                    }
                }
                if (mark != null) {
                    BufferedImage unrelated = Pictures.scene(m.image().getWidth(), m.image().getHeight(),
                            seed * 1000 + i + 500_000);
                    long t1 = System.nanoTime();
                    MarkCheck c = MarkCheck.run(m.image(), unrelated, mark, null);
                    caseMillis += (System.nanoTime() - t1) / 1e6;
                    cases++;
                    unrelatedRight += c.outcome() == Decision.Outcome.NOT_SAME_IMAGE ? 1 : 0;
                }
            }
        }
        double ms = cases == 0 ? 0 : caseMillis / cases;
        List<MethodResult> methods = new ArrayList<>();
        List<Variant> removals = List.of(Variant.FILLED, Variant.BLURRED, Variant.CLONED, Variant.INPAINTED);
        List<Variant> controls = List.of(Variant.UNTOUCHED, Variant.JPEG, Variant.RESIZED);
        int pos = removals.stream().mapToInt(v -> total.get(v)[0]).sum();
        int hit = removals.stream().mapToInt(v -> correct.get(v)[0]).sum();
        int neg = controls.stream().mapToInt(v -> total.get(v)[0]).sum() + originals;
        // conservative: a control counts as a false alarm unless it was decided "present" (an unrelated picture
        // unless "not the same image"), so an inconclusive control counts against the method too
        int falseAlarms = controls.stream().mapToInt(v -> total.get(v)[0] - correct.get(v)[0]).sum()
                + (originals - unrelatedRight);
        methods.add(new MethodResult("removal", "structure < " + Decision.PRESENT_STRUCTURE + " with coverage >= "
                + Decision.CROPPED_COVERAGE + " (removed in frame)", pos, neg, rate(falseAlarms, neg),
                rate(pos - hit, pos), eer(scores), ms));
        int crops = total.get(Variant.CROPPED)[0];
        methods.add(new MethodResult("crop", "coverage < " + Decision.CROPPED_COVERAGE, crops, neg,
                rate(falseAlarms, neg), rate(crops - correct.get(Variant.CROPPED)[0], crops), null, ms));
        methods.add(new MethodResult("not-same-image", "alignment quality NONE (fewer than 8 consistent matches)",
                originals, 0, 0, rate(originals - unrelatedRight, originals), null, ms));
        methods.add(new MethodResult("ocr-user-id", "user ID read exactly (Ocr.MIN_CONFIDENCE "
                + Ocr.MIN_CONFIDENCE + ")", originals, 0, 0, rate(originals - idExact, originals), null,
                locateMillis / originals));
        methods.add(new MethodResult("ocr-characters", "character error rate (Levenshtein / length)",
                (int) charTotal, 0, 0, charTotal == 0 ? 0 : charErrors / charTotal, null, locateMillis / originals));
        methods.add(new MethodResult("removal-method", "method named matches the removal applied",
                methodRight[1], 0, 0, rate(methodRight[1] - methodRight[0], methodRight[1]), null, ms));
        for (Variant v : Variant.values()) {
            methods.add(new MethodResult("variant-" + v.name().toLowerCase(Locale.ROOT), "decision correct (error "
                    + "= 1 - accuracy)", total.get(v)[0], 0, 0, rate(total.get(v)[0] - correct.get(v)[0],
                    total.get(v)[0]), null, ms));
        }
        String corpus = originals + " generated watermarked pictures × " + Variant.values().length
                + " variants + 1 unrelated picture each, mark located by OCR";
        return new BenchmarkResult(name(), seed, scale, corpus, methods);
    }

    static boolean matches(Variant v, Decision.Method m) {
        return switch (v) {
            case FILLED -> m == Decision.Method.FLAT_FILL;
            case BLURRED -> m == Decision.Method.BLURRED;
            case CLONED -> m == Decision.Method.CLONED;
            case INPAINTED -> m == Decision.Method.INPAINTED;
            default -> false;
        };
    }

    /** The line closest to the truth (a mark may carry other text too). */
    static String best(List<TextLine> lines, String truth) {
        String best = "";
        int d = Integer.MAX_VALUE;
        for (TextLine l : lines) {
            String t = l.text().replace(" ", "");
            int e = levenshtein(t, truth);
            if (e < d) {
                d = e;
                best = t;
            }
        }
        return best;
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1,
                        prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static double rate(int errors, int n) {
        return n == 0 ? 0 : (double) errors / n;
    }

    /** Equal error rate of a score (higher = removed) over labelled cases. */
    static Double eer(List<double[]> scored) {
        if (scored.isEmpty()) {
            return null;
        }
        long pos = scored.stream().filter(s -> s[1] == 1).count(), neg = scored.size() - pos;
        if (pos == 0 || neg == 0) {
            return null;
        }
        double best = 1, bestGap = Double.MAX_VALUE;
        for (double[] t : scored) {
            double fpr = scored.stream().filter(s -> s[1] == 0 && s[0] >= t[0]).count() / (double) neg;
            double fnr = scored.stream().filter(s -> s[1] == 1 && s[0] < t[0]).count() / (double) pos;
            if (Math.abs(fpr - fnr) < bestGap) {
                bestGap = Math.abs(fpr - fnr);
                best = (fpr + fnr) / 2;
            }
        }
        return best;
    }
}
