package org.exhibit.similarity;

import org.exhibit.bench.ErrorRates;
import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Threshold;
import org.exhibit.evidence.Verdict;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import static org.exhibit.similarity.SimilarityAnalyzer.ANALYZER;
import static org.exhibit.similarity.SimilarityAnalyzer.BENCH;
import static org.exhibit.similarity.SimilarityAnalyzer.method;
import static org.exhibit.similarity.SimilarityAnalyzer.round;
import static org.exhibit.similarity.SimilarityAnalyzer.whole;

/** Pixel-level findings on the aligned pair: SSIM, MS-SSIM, colour histogram, and the itemised region list. */
final class StructureFindings {

    private StructureFindings() {
    }

    static List<Finding> all(Comparison c, Exhibit original, Exhibit accused, BufferedImage oi, BufferedImage ai) {
        boolean aligned = c.alignment().trustworthy();
        String over = aligned ? "over the part of the original the accused covers, after alignment"
                : "over the whole images, the accused simply resized onto the original (no trustworthy alignment)";
        List<Finding> out = new ArrayList<>();
        Ssim.Result s = c.pair().ssim();
        Finding.Builder ssim = score("similarity.ssim", "SSIM", method("Structural similarity (SSIM), Gaussian 11×11 σ=1.5", "1",
                        "Wang, Bovik, Sheikh, Simoncelli, IEEE TIP 13(4) 2004; equals scikit-image structural_similarity"),
                c.ssim(), Thresholds.SSIM, "ssim", over, original, accused, c)
                .measure("windows", s.windows(), "windows")
                .limitation("Computed on a grid at most " + AlignedPair.GRID_SIDE + " px on its longer side; fine detail below that scale is not compared.")
                .limitation("Flat areas score high whatever they show; colour is ignored (luma only).");
        if (aligned) {
            ssim.figure(Figures.warpAndDifference(oi, ai, c.alignment(), s));
        }
        out.add(ssim.build());
        out.add(score("similarity.ms-ssim", "MS-SSIM", method("Multi-scale SSIM (5 scales)", "1",
                        "Wang, Simoncelli, Bovik, Asilomar 2003"), c.msSsim(), Thresholds.MS_SSIM, "ms-ssim", over,
                original, accused, c)
                .limitation("Needs an overlap of at least about 176 px on the analysis grid for five scales.")
                .build());
        out.add(histogram(c, over, original, accused));
        if (aligned) {
            out.add(regions(c, original, accused, s));
        }
        return out;
    }

    private static Finding.Builder score(String rule, String name, org.exhibit.evidence.Method m, double value,
                                         double threshold, String bench, String over, Exhibit original, Exhibit accused,
                                         Comparison c) {
        Finding.Builder b = Finding.builder(ANALYZER, rule, m)
                .threshold(new Threshold(bench.replace("-", ""), ">=", threshold, ErrorRates.of(BENCH, bench)))
                .evidence(whole(original, c.alignment().originalWidth(), c.alignment().originalHeight()))
                .evidence(whole(accused, c.alignment().accusedWidth(), c.alignment().accusedHeight()));
        if (Double.isNaN(value)) {
            return b.verdict(Verdict.INCONCLUSIVE).statement(name + " could not be computed: the overlap is too small.");
        }
        boolean pass = value >= threshold;
        return b.verdict(pass ? Verdict.INDICATES : Verdict.INCONCLUSIVE)
                .measure(bench.replace("-", ""), round(value), "index (-1..1)")
                .statement(name + " " + String.format("%.3f", value) + (pass ? " ≥ " : " < ") + threshold + " " + over + ".");
    }

    private static Finding histogram(Comparison c, String over, Exhibit original, Exhibit accused) {
        double d = c.histogramDistance();
        boolean pass = !Double.isNaN(d) && d <= Thresholds.HISTOGRAM;
        Finding.Builder b = Finding.builder(ANALYZER, "similarity.colour-histogram", method("Colour histogram "
                        + "distance: Hellinger over 8×8×8 RGB bins of corresponding pixels", "1", "Bhattacharyya (1943); Hellinger"))
                .verdict(Double.isNaN(d) ? Verdict.INCONCLUSIVE : pass ? Verdict.INDICATES : Verdict.INCONCLUSIVE)
                .statement(Double.isNaN(d) ? "No corresponding pixels to compare colours on."
                        : "Colour distribution distance " + String.format("%.3f", d) + (pass ? " ≤ " : " > ")
                        + Thresholds.HISTOGRAM + " " + over + ".")
                .threshold(new Threshold("hellinger", "<=", Thresholds.HISTOGRAM, ErrorRates.of(BENCH, "colour-histogram")))
                .evidence(whole(original, c.alignment().originalWidth(), c.alignment().originalHeight()))
                .evidence(whole(accused, c.alignment().accusedWidth(), c.alignment().accusedHeight()))
                .limitation("Colour alone is weak evidence: a colour grade defeats it and unrelated pictures of one palette pass it.");
        if (!Double.isNaN(d)) {
            b.measure("hellinger", round(d), "distance (0..1)");
        }
        return b.build();
    }

    private static Finding regions(Comparison c, Exhibit original, Exhibit accused, Ssim.Result s) {
        List<Regions.Item> items = Regions.itemise(c.alignment(), c.pair(), s);
        Finding.Builder b = Finding.builder(ANALYZER, "similarity.regions", method("Itemised comparison of "
                        + "corresponding regions", "1", "Beijing High Court, Guide on Copyright Trials 10.7-10.10 (itemised comparison); "
                        + "regions through the keypoint homography, local SSIM"))
                .verdict(Verdict.INFO)
                .statement(items.size() + " corresponding regions of the original and the accused, each with its local "
                        + "SSIM and keypoint correspondences (data.items).")
                .measure("items", items.size(), "regions")
                .data("items", items)
                .limitation("Cells are a regular " + Regions.GRID + "×" + Regions.GRID + " grid over the covered part, "
                        + "not semantic parts (face, hair, clothing); an expert names what each shows.");
        for (Regions.Item it : items) {
            b.evidence(EvidencePointer.pixels(original, "decoded pixels", it.originalRegion()).withField("item " + it.item()));
            b.evidence(EvidencePointer.pixels(accused, "decoded pixels", it.accusedRegion()).withField("item " + it.item()));
        }
        return b.build();
    }
}
