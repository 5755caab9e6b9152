package org.exhibit.watermark;

import org.exhibit.bench.ErrorRates;
import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Figure;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Region;
import org.exhibit.evidence.Threshold;
import org.exhibit.evidence.Verdict;
import org.exhibit.ocr.TextLine;
import org.exhibit.similarity.Alignment;

import java.util.Locale;
import java.util.stream.Collectors;

/** Turns a {@link MarkCheck} into the finding that answers "what happened to the mark?". */
final class RemovalFinding {

    private RemovalFinding() {
    }

    static Finding build(WatermarkAnalyzer.Side original, WatermarkAnalyzer.Side accused, MarkCheck c) {
        Alignment a = c.alignment();
        RegionMeasures m = c.measures();
        Region r = c.mark().region();
        String o = original.exhibit().path(), x = accused.exhibit().path();
        Finding.Builder b = Finding.builder(WatermarkAnalyzer.ANALYZER, "watermark.removal", WatermarkAnalyzer.REGION_METHOD)
                .measure("alignment inliers", a.inliers(), "matches")
                .measure("alignment inlier ratio", WatermarkAnalyzer.round(a.inlierRatio()), "fraction")
                .evidence(EvidencePointer.pixels(original.exhibit(), "pixels", r))
                .data("outcome", c.outcome().words)
                .data("alignment", a);
        if (m != null) {
            b.measure("coverage", WatermarkAnalyzer.round(m.coverage()), "fraction of mark box inside accused")
                    .measure("structure", WatermarkAnalyzer.round(m.structure()), "correlation")
                    .measure("ring structure", WatermarkAnalyzer.round(m.ringStructure()), "correlation")
                    .measure("residual", WatermarkAnalyzer.round(m.residual()), "luma levels")
                    .measure("ring residual", WatermarkAnalyzer.round(m.ringResidual()), "luma levels")
                    .measure("noise ratio", WatermarkAnalyzer.round(m.noiseRatio()), "ratio")
                    .measure("altered", WatermarkAnalyzer.round(m.changed()), "fraction of mark box")
                    .measure("altered density", WatermarkAnalyzer.round(m.density()), "fraction of bounding box")
                    .measure("smoothed", WatermarkAnalyzer.round(m.smoothed()), "fraction of altered pixels")
                    .measure("ring noise", WatermarkAnalyzer.round(m.ringNoise()), "median |Laplacian|")
                    .measure("flatness", WatermarkAnalyzer.round(m.flatness()), "luma std")
                    .measure("clone match", WatermarkAnalyzer.round(m.cloneMatch()), "correlation")
                    .measure("scale", WatermarkAnalyzer.round(m.scale()), "original px per accused px");
        }
        String accusedText = c.accusedText().stream().map(TextLine::text).collect(Collectors.joining(" / "));
        if (!c.accusedText().isEmpty()) {
            b.data("accusedText", accusedText);
        }
        switch (c.outcome()) {
            case NOT_SAME_IMAGE -> b.verdict(Verdict.INCONCLUSIVE)
                    .statement(x + " could not be aligned to " + o + " (" + a.inliers() + " consistent keypoint "
                            + "matches): they do not show the same picture, so nothing can be said about its mark.")
                    .threshold(new Threshold("alignment inliers", ">=", Alignment.WEAK_INLIERS,
                            ErrorRates.of("watermark", "removal")));
            case INCONCLUSIVE -> b.verdict(Verdict.INCONCLUSIVE)
                    .statement("The alignment of " + x + " to " + o + " rests on " + a.inliers()
                            + " matches only; the mark's region cannot be compared reliably.")
                    .threshold(new Threshold("alignment inliers", ">=", Alignment.GOOD_INLIERS,
                            ErrorRates.of("watermark", "removal")));
            case CROPPED -> {
                Region kept = a.regionInOriginal();
                b.verdict(m.coverage() == 0 ? Verdict.STRONGLY_INDICATES : Verdict.INDICATES)
                        .statement("The mark's region lies " + WatermarkAnalyzer.pct(1 - m.coverage())
                                + " outside " + x + ": the frame was cut to " + describe(kept)
                                + " of the original, leaving the mark out.")
                        .threshold(new Threshold("coverage", "<", Decision.CROPPED_COVERAGE,
                                ErrorRates.of("watermark", "crop")))
                        .data("cropInOriginal", kept)
                        .figure(new Figure("watermark-crop", "The original with the mark outlined in red and the "
                                + "part the accused copy shows outlined in blue.",
                                Figures.overview(original.image(), r, a.footprintInOriginal())));
            }
            case REMOVED -> b.verdict(m.structure() < Decision.PRESENT_STRUCTURE / 2 ? Verdict.STRONGLY_INDICATES
                            : Verdict.INDICATES)
                    .statement("The accused covers the mark's region but the mark's strokes are gone (structure "
                            + fmt(m.structure()) + " against " + fmt(m.ringStructure()) + " around it): it was "
                            + c.method().words + methodDetail(c) + ".")
                    .threshold(new Threshold("structure", "<", Decision.PRESENT_STRUCTURE,
                            ErrorRates.of("watermark", "removal")))
                    .data("removalMethod", c.method().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            case PRESENT -> b.verdict(Verdict.CONTRADICTS)
                    .statement("The mark is still present in " + x + " (structure " + fmt(m.structure())
                            + (accusedText.isEmpty() ? "" : "; OCR reads \"" + accusedText + "\" there") + ").")
                    .threshold(new Threshold("structure", "<", Decision.PRESENT_STRUCTURE,
                            ErrorRates.of("watermark", "removal")));
        }
        if (m != null && c.outcome() != Decision.Outcome.CROPPED) {
            b.figure(new Figure("watermark-region", "Left: the original around the mark (outlined in red); middle: "
                    + "the accused warped onto the original, same outline; right: |original − accused|, black 0 "
                    + "to white 64 luma levels or more.",
                    Figures.regionPanels(original.image(), accused.image(), a.accusedToOriginal(), r, m)));
        }
        b.limitation("The decision compares the accused with this original; a mark added after the copy was made, "
                + "or an original that is itself a copy, is outside what it can tell.");
        b.limitation("The removal method is a description of what the pixels look like (flat, smoothed, copied), "
                + "measured on generated removals; real tools may mix methods.");
        return b.build();
    }

    private static String methodDetail(MarkCheck c) {
        RegionMeasures m = c.measures();
        return switch (c.method()) {
            case CLONED -> " (the patch " + m.cloneOffsetX() + "," + m.cloneOffsetY() + " px away matches at "
                    + fmt(m.cloneMatch()) + ")";
            case FLAT_FILL -> " (luma std " + fmt(m.flatness()) + " inside the box)";
            case BLURRED, INPAINTED -> " (" + WatermarkAnalyzer.pct(m.smoothed()) + " of the altered pixels smoothed, "
                    + "filling " + WatermarkAnalyzer.pct(m.density()) + " of their bounding box)";
            case UNKNOWN -> "";
        };
    }

    private static String describe(Region r) {
        return r == null ? "an unknown part" : "x " + r.x() + "–" + (r.x() + r.width()) + ", y " + r.y() + "–"
                + (r.y() + r.height());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
