package org.exhibit.similarity;

import org.exhibit.bench.ErrorRates;
import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Method;
import org.exhibit.evidence.Region;
import org.exhibit.evidence.Threshold;
import org.exhibit.evidence.Verdict;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares an accused image with an original: one finding per method (PDQ, aHash, dHash, pHash, wHash,
 * keypoint correspondence, SSIM, MS-SSIM, colour histogram), the itemised comparison list, and a combined
 * conclusion that claims no more than the weakest link it rests on. Plain Java in, findings out.
 */
public final class SimilarityAnalyzer {

    static final String ANALYZER = "similarity";
    static final String BENCH = "similarity";
    static final String NO_EMBEDDING = "No learned image embedding (CLIP, DINOv2, SSCD...) is used: no package "
            + "reachable here ships such weights, so semantic or stylistic similarity (a re-drawn or re-generated "
            + "picture in the same style) is not measured; see " + EmbeddingSimilarity.class.getSimpleName() + ".";

    private SimilarityAnalyzer() {
    }

    public static List<Finding> compare(Exhibit original, BufferedImage originalImage, Exhibit accused,
                                        BufferedImage accusedImage) {
        Comparison c = Comparison.of(originalImage, accusedImage);
        List<Finding> out = new ArrayList<>(HashFindings.all(c, original, accused));
        Finding keypoints = keypoints(c, original, accused, originalImage, accusedImage);
        out.add(keypoints);
        out.addAll(StructureFindings.all(c, original, accused, originalImage, accusedImage));
        out.add(conclusion(c, out, original, accused));
        return out;
    }

    static Method method(String name, String version, String reference) {
        return new Method(name, version, reference);
    }

    static EvidencePointer whole(Exhibit e, int width, int height) {
        return EvidencePointer.pixels(e, "decoded pixels", new Region(0, 0, width, height));
    }

    private static Finding keypoints(Comparison c, Exhibit original, Exhibit accused, BufferedImage oi, BufferedImage ai) {
        Alignment a = c.alignment();
        Verdict v = switch (a.quality()) {
            case GOOD -> a.inliers() >= 100 && a.inlierRatio() >= Alignment.CLEAN_RATIO ? Verdict.STRONGLY_INDICATES : Verdict.INDICATES;
            case WEAK -> Verdict.INCONCLUSIVE;
            case NONE -> Verdict.CONTRADICTS;
        };
        String where = a.regionInOriginal() == null ? "" : " It maps the accused onto the region " + describe(a.regionInOriginal())
                + " of the original" + (a.mirrored() ? ", mirrored" : "") + ".";
        String statement = switch (a.quality()) {
            case GOOD -> a.inliers() + " keypoint correspondences (" + pct(a.inlierRatio()) + " of " + a.matches()
                    + " matches) agree on one geometric transform: the accused reproduces the original's local detail." + where;
            case WEAK -> "Only " + a.inliers() + " keypoint correspondences agree on one transform: too few to rely on.";
            case NONE -> "No consistent set of keypoint correspondences: no part of the accused is a geometric copy "
                    + "(crop, scale, rotation, mirror) of the original that this method can find.";
        };
        Finding.Builder b = Finding.builder(ANALYZER, "similarity.keypoints", method("Keypoint correspondence: SURF, "
                        + "ratio test, mutual best match, RANSAC homography", "1",
                "Bay et al., SURF (ECCV 2006); Lowe, ratio test (IJCV 2004); Fischler & Bolles, RANSAC (1981); BoofCV 1.1.7"))
                .verdict(v).statement(statement)
                .measure("inliers", a.inliers(), "correspondences")
                .measure("matches", a.matches(), "correspondences")
                .measure("inlierRatio", round(a.inlierRatio()), "ratio")
                .measure("originalKeypoints", a.originalKeypoints(), "keypoints")
                .measure("accusedKeypoints", a.accusedKeypoints(), "keypoints")
                .threshold(new Threshold("inliers", ">=", Alignment.GOOD_INLIERS, ErrorRates.of(BENCH, "keypoints")))
                .data("quality", a.quality().name())
                .data("mirrored", a.mirrored())
                .limitation("Keypoints are found on a copy at most " + Aligner.WORK_SIDE + " px on its longer side; "
                        + "very small or very blurred copies yield too few of them.")
                .limitation("A homography models flat geometric edits (crop, scale, rotation, perspective, mirror); "
                        + "a warped, re-drawn or re-generated copy is not matched.");
        if (a.accusedToOriginal() != null) {
            b.data("accusedToOriginal", a.accusedToOriginal().matrix());
        }
        if (a.trustworthy()) {
            b.evidence(EvidencePointer.pixels(original, "decoded pixels", a.regionInOriginal()))
                    .evidence(whole(accused, ai.getWidth(), ai.getHeight()))
                    .figure(Figures.keypoints(oi, ai, a))
                    .figure(Figures.region(oi, ai, a))
                    .data("footprintInOriginal", round(a.footprintInOriginal()));
        } else {
            b.evidence(whole(original, oi.getWidth(), oi.getHeight())).evidence(whole(accused, ai.getWidth(), ai.getHeight()))
                    .figure(Figures.sideBySide(oi, ai));
        }
        return b.build();
    }

    /** The combined answer: verdict no stronger than the weakest finding it rests on. */
    private static Finding conclusion(Comparison c, List<Finding> findings, Exhibit original, Exhibit accused) {
        Finding keypoints = find(findings, "similarity.keypoints"), ssim = find(findings, "similarity.ssim");
        Finding pdq = find(findings, "similarity.pdq");
        List<Finding> links = new ArrayList<>();
        String statement;
        Verdict v;
        if (c.alignment().trustworthy() && c.ssim() >= Thresholds.SSIM) {
            links.add(keypoints);
            links.add(ssim);
            v = weakest(links);
            statement = "The accused " + (coversMost(c) ? "is" : "contains") + " a geometrically transformed copy of "
                    + (coversMost(c) ? "the original" : "a part of the original") + ": its keypoints and its aligned pixels agree.";
        } else if (c.pdqDistance() <= Thresholds.PDQ) {
            links.add(pdq);
            v = weakest(links);
            statement = "The two whole images are perceptual near-duplicates (PDQ), though the local correspondence "
                    + "does not confirm it on its own.";
        } else if (c.alignment().quality() == Alignment.Quality.NONE && c.pdqDistance() > Thresholds.PDQ
                && findings.stream().filter(f -> f.rule().endsWith("hash")).allMatch(f -> f.verdict() == Verdict.CONTRADICTS)) {
            links.add(keypoints);
            links.add(pdq);
            v = Verdict.CONTRADICTS;
            statement = "No method finds the original, or a part of it, in the accused.";
        } else {
            links.add(keypoints);
            v = Verdict.INCONCLUSIVE;
            statement = "The methods disagree or fall short of their thresholds: no conclusion either way.";
        }
        Finding.Builder b = Finding.builder(ANALYZER, "similarity.conclusion", method("Combined image-similarity "
                        + "conclusion", "1", "weakest link of the findings named in data.restsOn"))
                .verdict(v).statement(statement)
                .threshold(new Threshold("conclusion", "==", 1, ErrorRates.of(BENCH, "combined")))
                .evidence(whole(original, c.alignment().originalWidth(), c.alignment().originalHeight()))
                .evidence(whole(accused, c.alignment().accusedWidth(), c.alignment().accusedHeight()))
                .data("restsOn", links.stream().map(Finding::rule).toList())
                .limitation("Similarity of pixels is not proof of copying: a common source (stock photo, shared "
                        + "generator seed and prompt) gives the same result; access must be shown separately.")
                .limitation(NO_EMBEDDING);
        return b.build();
    }

    private static boolean coversMost(Comparison c) {
        Region r = c.alignment().regionInOriginal();
        return r != null && r.area() >= 0.8 * c.alignment().originalWidth() * (double) c.alignment().originalHeight();
    }

    private static Verdict weakest(List<Finding> links) {
        Verdict v = Verdict.STRONGLY_INDICATES;
        for (Finding f : links) {
            if (f.verdict().ordinal() < v.ordinal()) {
                v = f.verdict();
            }
        }
        return v;
    }

    private static Finding find(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no finding " + rule));
    }

    static String describe(Region r) {
        return r.width() + "×" + r.height() + " px at (" + r.x() + ", " + r.y() + ")";
    }

    static String pct(double v) {
        return Math.round(v * 100) + " %";
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private static double[] round(double[] v) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = Math.round(v[i] * 100) / 100.0;
        }
        return o;
    }
}
