package org.exhibit.watermark;

import org.exhibit.evidence.Region;
import org.exhibit.similarity.Gray;
import org.exhibit.similarity.Homography;

/**
 * Copy-move search: is the accused's content over the mark's box a copy of a nearby part of the accused itself?
 * Compares fine detail (Laplacian, so flat colour and gradients do not match by accident) of the box with every
 * same-size patch within 1.6 box sizes: first on a 2-pixel grid with the detail slightly blurred (so a copy at an
 * odd offset still stands out), then to the pixel around the best; patches overlapping the box by more than half
 * are skipped. Natural texture gives correlations near 0; a cloned patch gives near 1, less after re-encoding.
 */
record Clone(double match, int dx, int dy) {

    static final int STEP = 2;

    static Clone search(Gray original, Gray accused, Homography accusedToOriginal, Region mark, double scale) {
        int rx = (int) (1.6 * mark.width()), ry = (int) (1.6 * mark.height());
        Region window = RegionMeasures.clip(new Region(mark.x() - rx, mark.y() - ry, mark.width() + 2 * rx,
                mark.height() + 2 * ry), original);
        Plane a = Plane.warped(accused, accusedToOriginal, window);
        Plane filled = a.filledFrom(Plane.of(original, window)).gaussian(0.5 * scale).laplacian();
        Plane coarse = filled.gaussian(1.0);
        int bx = mark.x() - window.x(), by = mark.y() - window.y();
        Clone best = new Clone(0, 0, 0);
        for (int dy = -by; dy + by + mark.height() <= a.height; dy += STEP) {
            for (int dx = -bx; dx + bx + mark.width() <= a.width; dx += STEP) {
                if (!overlaps(dx, dy, mark)) {
                    double c = ncc(coarse, a, bx, by, dx, dy, mark);
                    if (c > best.match) {
                        best = new Clone(c, dx, dy);
                    }
                }
            }
        }
        Clone refined = new Clone(0, best.dx, best.dy);
        for (int dy = best.dy - STEP; dy <= best.dy + STEP; dy++) {
            for (int dx = best.dx - STEP; dx <= best.dx + STEP; dx++) {
                if (!overlaps(dx, dy, mark) && by + dy >= 0 && bx + dx >= 0 && by + dy + mark.height() <= a.height
                        && bx + dx + mark.width() <= a.width) {
                    double c = ncc(filled, a, bx, by, dx, dy, mark);
                    if (c > refined.match) {
                        refined = new Clone(c, dx, dy);
                    }
                }
            }
        }
        return refined;
    }

    private static boolean overlaps(int dx, int dy, Region mark) {
        return Math.abs(dx) < mark.width() / 2 && Math.abs(dy) < mark.height() / 2;
    }

    /** Normalised cross-correlation of the box's detail with the patch displaced by (dx, dy), every STEP pixels. */
    private static double ncc(Plane fine, Plane cover, int bx, int by, int dx, int dy, Region mark) {
        double sp = 0, sp2 = 0, sq = 0, sq2 = 0, cross = 0;
        int n = 0;
        for (int y = 0; y < mark.height(); y += STEP) {
            for (int x = 0; x < mark.width(); x += STEP) {
                if (by + y >= fine.height || bx + x >= fine.width) {
                    continue;
                }
                int i = (by + y) * fine.width + bx + x, j = (by + y + dy) * fine.width + bx + x + dx;
                if (!cover.valid(i) || !cover.valid(j)) {
                    continue;
                }
                float p = fine.v[i], q = fine.v[j];
                sp += p;
                sp2 += p * p;
                sq += q;
                sq2 += q * q;
                cross += p * q;
                n++;
            }
        }
        if (n < 16) {
            return 0;
        }
        double mp = sp / n, mq = sq / n, vp = sp2 / n - mp * mp, vq = sq2 / n - mq * mq;
        return vp < 1e-6 || vq < 1e-6 ? 0 : (cross / n - mp * mq) / Math.sqrt(vp * vq);
    }
}
