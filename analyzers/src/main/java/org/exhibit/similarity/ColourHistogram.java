package org.exhibit.similarity;

import java.awt.image.BufferedImage;

/**
 * Colour distribution distance: 8×8×8-bin RGB histograms of corresponding pixels (each analysis-grid pixel
 * covered by the accused, sampled at its nearest full-resolution pixel in each image), compared by the
 * Hellinger distance √(1 − Σ√(p·q)): 0 for identical distributions, 1 for disjoint ones.
 */
public final class ColourHistogram {

    private ColourHistogram() {
    }

    static double distance(BufferedImage original, BufferedImage accused, Homography accusedToOriginal, AlignedPair pair) {
        Homography gridToOriginal = pair.originalToGrid().inverse();
        Homography originalToAccused = accusedToOriginal.inverse();
        double[] p = new double[512], q = new double[512];
        int w = pair.original().width, h = pair.original().height, n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (Float.isNaN(pair.accused().get(x, y))) {
                    continue;
                }
                double[] o = gridToOriginal.map(x, y);
                double[] a = originalToAccused.map(o[0], o[1]);
                int ox = clamp(o[0], original.getWidth()), oy = clamp(o[1], original.getHeight());
                int ax = clamp(a[0], accused.getWidth()), ay = clamp(a[1], accused.getHeight());
                p[bin(original.getRGB(ox, oy))]++;
                q[bin(accused.getRGB(ax, ay))]++;
                n++;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        double bc = 0;
        for (int i = 0; i < 512; i++) {
            bc += Math.sqrt(p[i] / n * q[i] / n);
        }
        return Math.sqrt(Math.max(0, 1 - bc));
    }

    private static int bin(int rgb) {
        return ((rgb >> 21) & 7) << 6 | ((rgb >> 13) & 7) << 3 | ((rgb >> 5) & 7);
    }

    private static int clamp(double v, int size) {
        return (int) Math.max(0, Math.min(size - 1, Math.round(v)));
    }
}
