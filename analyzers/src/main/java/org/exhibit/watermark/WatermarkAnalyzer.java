package org.exhibit.watermark;

import org.exhibit.bench.ErrorRates;
import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Method;
import org.exhibit.evidence.Region;
import org.exhibit.evidence.Threshold;
import org.exhibit.evidence.Verdict;
import org.exhibit.ocr.Ocr;
import org.exhibit.ocr.TextLine;
import org.exhibit.similarity.Alignment;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Was the original's visible watermark taken out of the accused copy, and how? Locates the mark (OCR, or a region
 * the user gives), aligns the accused onto the original, and decides for the mark's box: still present, cropped
 * away, removed in frame (and by what means), or inconclusive. Plain Java in, findings out.
 */
public final class WatermarkAnalyzer {

    public static final String ANALYZER = "watermark";
    public static final Method REGION_METHOD = new Method("Mark region comparison after keypoint alignment", "1",
            "alignment: SURF keypoints, ratio test, RANSAC homography (org.exhibit.similarity.Aligner); presence: "
                    + "correlation of difference-of-Gaussians detail over the mark's strokes; copy-move: normalised "
                    + "cross-correlation of Laplacian detail (Fridrich, Soukal, Lukáš 2003)");
    public static final Method LOCATE_METHOD = new Method("Visible mark location by OCR", "1",
            "PP-OCRv4 over the top and bottom 40 % of the frame; the most confident line, its block, and room for a logo");

    private WatermarkAnalyzer() {
    }

    /** One image of the pair: its exhibit record and decoded pixels. */
    public record Side(Exhibit exhibit, BufferedImage image) {
    }

    /**
     * Runs the pixel analysis.
     *
     * @param region where the mark is in the original, or null to find it by OCR
     * @param ocr    an open OCR engine, or null (then a region must be given and no text is read)
     */
    public static List<Finding> analyze(Side original, Side accused, Region region, Ocr ocr) {
        List<Finding> findings = new ArrayList<>();
        MarkLocator.Located mark = region != null ? MarkLocator.given(original.image(), region, ocr)
                : ocr == null ? null : MarkLocator.locate(original.image(), ocr);
        findings.add(located(original, mark, ocr != null));
        if (mark == null) {
            return findings;
        }
        MarkCheck check = MarkCheck.run(original.image(), accused.image(), mark, ocr);
        findings.add(RemovalFinding.build(original, accused, check));
        return findings;
    }

    private static Finding located(Side original, MarkLocator.Located mark, boolean ocr) {
        Finding.Builder b = Finding.builder(ANALYZER, "watermark.mark", LOCATE_METHOD);
        if (mark == null) {
            return b.verdict(Verdict.INCONCLUSIVE)
                    .statement(ocr ? "No visible mark with text was found in the top or bottom band of "
                            + original.exhibit().path() + "; give its region with --region to check it."
                            : "OCR is not available here; give the mark's region with --region.")
                    .evidence(EvidencePointer.field(original.exhibit(), "pixels", "whole image"))
                    .limitation("Marks without text (a bare logo) and marks in the middle of the frame are not searched for.")
                    .build();
        }
        Region r = mark.region();
        String text = mark.text();
        b.verdict(Verdict.INFO)
                .statement((mark.how().equals("given") ? "The mark region given" : "A visible mark")
                        + " in " + original.exhibit().path() + " lies at " + r.x() + "," + r.y() + " ("
                        + r.width() + "×" + r.height() + " px)"
                        + (text.isEmpty() ? "; no text was read in it." : " and reads \"" + text + "\"."))
                .measure("x", r.x(), "px").measure("y", r.y(), "px")
                .measure("width", r.width(), "px").measure("height", r.height(), "px")
                .evidence(EvidencePointer.pixels(original.exhibit(), "pixels", r))
                .data("how", mark.how());
        List<Object> lines = new ArrayList<>();
        for (TextLine l : mark.lines()) {
            b.measure("ocr confidence \"" + l.text() + "\"", round(l.confidence()), "probability");
            lines.add(java.util.Map.of("text", l.text(), "confidence", round(l.confidence()), "box", l.box()));
        }
        if (!lines.isEmpty()) {
            b.data("text", lines);
        }
        if (!mark.handle().isEmpty()) {
            b.data("handle", mark.handle());
        }
        b.threshold(new Threshold("ocr confidence", ">=", Ocr.MIN_CONFIDENCE, ErrorRates.of("watermark", "ocr-user-id")));
        b.limitation("The box is the text OCR found plus room to its left for a logo; a logo elsewhere is outside it.");
        b.limitation("OCR may confuse look-alike characters (I/l/1, O/0); read the figure.");
        return b.build();
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * v);
    }

    static boolean weak(Alignment a) {
        return !a.trustworthy();
    }
}
