package org.exhibit.watermark;

import org.exhibit.evidence.Region;
import org.exhibit.ocr.Ocr;
import org.exhibit.ocr.TextLine;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds a platform's visible mark in the original: OCR over the top and bottom bands of the frame (where
 * platforms stamp), the most confident line as the anchor, lines of the same block beside or under it, and room
 * to the left of the text for the logo that such marks put there (1.8 line heights). A region the user gives
 * replaces the search; its text is still read.
 */
final class MarkLocator {

    /** Fraction of the frame height each band covers. */
    static final double BAND = 0.4;
    /** Short side the detector enlarges each band to: bands are thin strips, their text is already large. */
    static final int BAND_MIN_SIDE = 480;
    /** Room left of the text for a logo, in line heights. */
    static final double LOGO_ROOM = 1.8;

    private MarkLocator() {
    }

    /**
     * A located mark.
     *
     * @param region the mark's box in the original (text, logo room, a small margin)
     * @param lines  text read in it, in reading order (empty when none)
     * @param how    "ocr" when found by reading text, "given" when the user named the region
     */
    record Located(Region region, List<TextLine> lines, String how) {

        /** The lines as one text: pieces of one row joined (without a space when they nearly touch). */
        String text() {
            StringBuilder s = new StringBuilder();
            TextLine prev = null;
            for (TextLine l : lines) {
                if (prev != null) {
                    boolean sameRow = l.box().y() < prev.box().y() + prev.box().height() / 2;
                    int gap = l.box().x() - (prev.box().x() + prev.box().width());
                    s.append(sameRow && gap < prev.box().height() / 2 ? "" : sameRow ? " " : " / ");
                }
                s.append(l.text());
                prev = l;
            }
            return s.toString();
        }

        /** The first handle ("@" and letters, digits, underscores, dots) in the text, or "" when none. */
        String handle() {
            java.util.regex.Matcher m = HANDLE.matcher(text().replace(" ", ""));
            return m.find() ? m.group() : "";
        }
    }

    static final java.util.regex.Pattern HANDLE = java.util.regex.Pattern.compile("@[A-Za-z0-9_.]+");

    /** The mark, or null when no text was found in the bands. */
    static Located locate(BufferedImage original, Ocr ocr) {
        int w = original.getWidth(), h = original.getHeight();
        int band = (int) Math.ceil(h * BAND);
        List<TextLine> lines = new ArrayList<>(read(ocr, original, new Region(0, 0, w, band), BAND_MIN_SIDE));
        lines.addAll(read(ocr, original, new Region(0, h - band, w, band), BAND_MIN_SIDE));
        if (lines.isEmpty()) {
            return null;
        }
        TextLine anchor = lines.stream()
                .max(Comparator.comparingDouble((TextLine l) -> l.confidence() * l.text().length())
                        .thenComparingInt(l -> -l.box().y()))
                .orElseThrow();
        List<TextLine> block = new ArrayList<>();
        for (TextLine l : lines) {
            if (l == anchor || near(anchor.box(), l.box())) {
                block.add(l);
            }
        }
        block = org.exhibit.ocr.Ocr.readingOrder(block);
        Region text = union(block.stream().map(TextLine::box).toList());
        int lineHeight = anchor.box().height();
        int logo = (int) Math.round(LOGO_ROOM * lineHeight);
        int margin = Math.max(2, lineHeight / 6);
        Region r = new Region(text.x() - logo - margin, text.y() - margin, text.width() + logo + 2 * margin,
                text.height() + 2 * margin);
        return new Located(clip(r, w, h), block, "ocr");
    }

    /** A region the user gave, with the text OCR reads inside it. */
    static Located given(BufferedImage original, Region region, Ocr ocr) {
        List<TextLine> lines = ocr == null ? List.of() : read(ocr, original, region, BAND_MIN_SIDE);
        return new Located(region, lines, "given");
    }

    /** Reads a part of the image; boxes come back in the whole image's coordinates. */
    static List<TextLine> read(Ocr ocr, BufferedImage image, Region part, int minSide) {
        Region p = clip(part, image.getWidth(), image.getHeight());
        if (p.width() < 8 || p.height() < 8) {
            return List.of();
        }
        List<TextLine> out = new ArrayList<>();
        for (TextLine l : ocr.read(image.getSubimage(p.x(), p.y(), p.width(), p.height()), minSide)) {
            Region b = l.box();
            out.add(new TextLine(l.text(), l.confidence(), new Region(b.x() + p.x(), b.y() + p.y(), b.width(),
                    b.height())));
        }
        return out;
    }

    /** Same block: vertically within one line height of each other and horizontally overlapping or close. */
    private static boolean near(Region a, Region b) {
        int gapY = Math.max(a.y(), b.y()) - Math.min(a.y() + a.height(), b.y() + b.height());
        int gapX = Math.max(a.x(), b.x()) - Math.min(a.x() + a.width(), b.x() + b.width());
        return gapY < a.height() && gapX < 2 * a.height();
    }

    static Region union(List<Region> rs) {
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = Integer.MIN_VALUE, y1 = Integer.MIN_VALUE;
        for (Region r : rs) {
            x0 = Math.min(x0, r.x());
            y0 = Math.min(y0, r.y());
            x1 = Math.max(x1, r.x() + r.width());
            y1 = Math.max(y1, r.y() + r.height());
        }
        return new Region(x0, y0, x1 - x0, y1 - y0);
    }

    static Region clip(Region r, int w, int h) {
        int x0 = Math.max(0, r.x()), y0 = Math.max(0, r.y());
        int x1 = Math.min(w, r.x() + r.width()), y1 = Math.min(h, r.y() + r.height());
        return new Region(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }
}
