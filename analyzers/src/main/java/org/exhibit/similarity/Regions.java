package org.exhibit.similarity;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.exhibit.evidence.Region;

import java.util.ArrayList;
import java.util.List;

/**
 * The itemised comparison list an expert files (cf. Beijing High Court, Guide on Copyright Trials, 10.7–10.10:
 * corresponding parts set side by side): the part of the original the accused covers is cut into a
 * {@value #GRID}×{@value #GRID} grid; for each cell, the region in the original, the matching region in the
 * accused (through the homography), the local SSIM and the keypoint correspondences inside it.
 */
final class Regions {

    static final int GRID = 3;
    /** Cells less covered than this are left out (they hold mostly pixels the accused lacks). */
    static final double MIN_COVERAGE = 0.25;

    /**
     * One item of the list.
     *
     * @param item           1-based number, row by row
     * @param originalRegion pixels of the original
     * @param accusedRegion  bounding box of the same part in the accused
     * @param ssim           mean SSIM over the cell (analysis grid); null when no full window fits
     * @param keypoints      keypoint correspondences (RANSAC inliers) inside the cell
     * @param coverage       fraction of the cell the accused covers
     */
    @JsonPropertyOrder({"item", "originalRegion", "accusedRegion", "ssim", "keypoints", "coverage"})
    record Item(int item, Region originalRegion, Region accusedRegion, Double ssim, int keypoints, double coverage) {
    }

    private Regions() {
    }

    static List<Item> itemise(Alignment a, AlignedPair pair, Ssim.Result ssim) {
        Region r = a.regionInOriginal();
        List<Item> items = new ArrayList<>();
        if (r == null) {
            return items;
        }
        Homography back = a.accusedToOriginal().inverse();
        for (int row = 0; row < GRID; row++) {
            for (int col = 0; col < GRID; col++) {
                int x0 = r.x() + r.width() * col / GRID, x1 = r.x() + r.width() * (col + 1) / GRID;
                int y0 = r.y() + r.height() * row / GRID, y1 = r.y() + r.height() * (row + 1) / GRID;
                Region cell = new Region(x0, y0, x1 - x0, y1 - y0);
                double[] stats = cellStats(pair, ssim, cell);
                if (stats[1] < MIN_COVERAGE) {
                    continue;
                }
                int kp = 0;
                for (Alignment.Pair p : a.inlierPairs()) {
                    if (p.originalX() >= x0 && p.originalX() < x1 && p.originalY() >= y0 && p.originalY() < y1) {
                        kp++;
                    }
                }
                Double local = Double.isNaN(stats[0]) ? null : round(stats[0]);
                items.add(new Item(items.size() + 1, cell, accusedBox(back, cell, a), local, kp, round(stats[1])));
            }
        }
        return items;
    }

    /** {mean SSIM over the cell's valid pixels, covered fraction} on the analysis grid. */
    private static double[] cellStats(AlignedPair pair, Ssim.Result ssim, Region cell) {
        double[] a = pair.originalToGrid().map(cell.x(), cell.y());
        double[] b = pair.originalToGrid().map(cell.x() + cell.width() - 1, cell.y() + cell.height() - 1);
        int gx0 = (int) Math.max(0, Math.floor(a[0])), gy0 = (int) Math.max(0, Math.floor(a[1]));
        int gx1 = (int) Math.min(pair.original().width - 1, Math.ceil(b[0]));
        int gy1 = (int) Math.min(pair.original().height - 1, Math.ceil(b[1]));
        double sum = 0;
        int n = 0, covered = 0, total = 0;
        for (int y = gy0; y <= gy1; y++) {
            for (int x = gx0; x <= gx1; x++) {
                total++;
                if (!Float.isNaN(pair.accused().get(x, y))) {
                    covered++;
                }
                float s = ssim.map().get(x, y);
                if (!Float.isNaN(s)) {
                    sum += s;
                    n++;
                }
            }
        }
        return new double[]{n == 0 ? Double.NaN : sum / n, total == 0 ? 0 : (double) covered / total};
    }

    private static Region accusedBox(Homography originalToAccused, Region cell, Alignment a) {
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        int[][] corners = {{cell.x(), cell.y()}, {cell.x() + cell.width() - 1, cell.y()},
                {cell.x() + cell.width() - 1, cell.y() + cell.height() - 1}, {cell.x(), cell.y() + cell.height() - 1}};
        for (int[] c : corners) {
            double[] p = originalToAccused.map(c[0], c[1]);
            x0 = Math.min(x0, p[0]);
            x1 = Math.max(x1, p[0]);
            y0 = Math.min(y0, p[1]);
            y1 = Math.max(y1, p[1]);
        }
        int ix0 = (int) Math.max(0, Math.floor(x0)), iy0 = (int) Math.max(0, Math.floor(y0));
        int ix1 = (int) Math.min(a.accusedWidth() - 1, Math.ceil(x1)), iy1 = (int) Math.min(a.accusedHeight() - 1, Math.ceil(y1));
        return new Region(ix0, iy0, Math.max(0, ix1 - ix0 + 1), Math.max(0, iy1 - iy0 + 1));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
