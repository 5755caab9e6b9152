package org.exhibit.watermark;

import org.exhibit.evidence.Region;
import org.exhibit.ocr.Ocr;
import org.exhibit.ocr.TextLine;
import org.exhibit.similarity.Aligner;
import org.exhibit.similarity.Alignment;
import org.exhibit.similarity.Gray;
import org.exhibit.similarity.Homography;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The pixel side of the watermark question, without findings: align the accused to the original, measure the
 * mark's region, decide. The benchmark runs exactly this.
 *
 * @param mark        where the mark is in the original, and its text
 * @param alignment   accused → original
 * @param measures    the region measurements, null when there is no usable homography
 * @param outcome     what happened to the mark
 * @param method      how it was removed (only for {@link Decision.Outcome#REMOVED})
 * @param accusedText text OCR reads in the accused where the mark was (empty when none or not read)
 */
record MarkCheck(MarkLocator.Located mark, Alignment alignment, RegionMeasures measures, Decision.Outcome outcome,
                 Decision.Method method, List<TextLine> accusedText) {

    static MarkCheck run(BufferedImage original, BufferedImage accused, MarkLocator.Located mark, Ocr ocr) {
        Alignment alignment = Aligner.align(original, accused);
        Homography h = alignment.accusedToOriginal();
        RegionMeasures m = null;
        if (h != null && alignment.quality() != Alignment.Quality.NONE) {
            m = RegionMeasures.measure(Gray.of(original), Gray.of(accused), h, mark.region());
        }
        Decision.Outcome outcome = Decision.outcome(alignment, m);
        Decision.Method method = outcome == Decision.Outcome.REMOVED ? Decision.method(m) : null;
        List<TextLine> text = List.of();
        if (ocr != null && m != null && m.coverage() > 0) {
            Region inAccused = footprint(h.inverse(), mark.region(), accused);
            if (inAccused.width() > 0 && inAccused.height() > 0) {
                text = MarkLocator.read(ocr, accused, inAccused, MarkLocator.BAND_MIN_SIDE);
            }
        }
        return new MarkCheck(mark, alignment, m, outcome, method, text);
    }

    /** Bounding box of a region mapped through a homography, clipped to the image. */
    static Region footprint(Homography h, Region r, BufferedImage image) {
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        int[][] corners = {{r.x(), r.y()}, {r.x() + r.width(), r.y()}, {r.x(), r.y() + r.height()},
                {r.x() + r.width(), r.y() + r.height()}};
        for (int[] c : corners) {
            double[] p = h.map(c[0], c[1]);
            x0 = Math.min(x0, p[0]);
            y0 = Math.min(y0, p[1]);
            x1 = Math.max(x1, p[0]);
            y1 = Math.max(y1, p[1]);
        }
        return MarkLocator.clip(new Region((int) Math.floor(x0), (int) Math.floor(y0),
                (int) Math.ceil(x1 - Math.floor(x0)), (int) Math.ceil(y1 - Math.floor(y0))), image.getWidth(),
                image.getHeight());
    }
}
