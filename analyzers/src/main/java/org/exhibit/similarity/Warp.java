package org.exhibit.similarity;

import java.awt.image.BufferedImage;

/**
 * Resamples the accused image onto the original's pixel grid through an {@link Alignment}'s homography
 * (inverse mapping, bilinear interpolation). Pixels of the grid the accused does not cover are marked: alpha 0
 * in colour output, NaN in {@link Gray} output. The input images are never modified.
 */
public final class Warp {

    private Warp() {
    }

    /**
     * The accused warped onto a {@code width} × {@code height} grid (normally the original's size).
     *
     * @param accused           the accused image, full resolution
     * @param accusedToOriginal the alignment's homography (accused pixel → grid pixel)
     * @return TYPE_INT_ARGB; alpha 255 where the accused covers the grid, 0 elsewhere
     */
    public static BufferedImage ontoOriginal(BufferedImage accused, Homography accusedToOriginal, int width, int height) {
        Homography back = accusedToOriginal.inverse();
        int aw = accused.getWidth(), ah = accused.getHeight();
        int[] src = accused.getRGB(0, 0, aw, ah, null, 0, aw);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double[] p = back.map(x, y);
                row[x] = sampleRgb(src, aw, ah, p[0], p[1]);
            }
            out.setRGB(0, y, width, 1, row, 0, width);
        }
        return out;
    }

    /** Luma warped onto a {@code width} × {@code height} grid; NaN where the accused does not cover it. */
    public static Gray ontoGrid(Gray accused, Homography accusedToGrid, int width, int height) {
        Homography back = accusedToGrid.inverse();
        float[] d = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double[] p = back.map(x, y);
                d[y * width + x] = accused.sample(p[0], p[1]);
            }
        }
        return new Gray(width, height, d);
    }

    private static int sampleRgb(int[] src, int w, int h, double x, double y) {
        if (!(x >= -0.5 && y >= -0.5 && x <= w - 0.5 && y <= h - 0.5)) {
            return 0;
        }
        x = Math.min(Math.max(x, 0), w - 1);
        y = Math.min(Math.max(y, 0), h - 1);
        int x0 = Math.min((int) x, Math.max(0, w - 2)), y0 = Math.min((int) y, Math.max(0, h - 2));
        int x1 = Math.min(x0 + 1, w - 1), y1 = Math.min(y0 + 1, h - 1);
        double ax = x - x0, ay = y - y0;
        int p00 = src[y0 * w + x0], p01 = src[y0 * w + x1], p10 = src[y1 * w + x0], p11 = src[y1 * w + x1];
        int rgb = 0xFF000000;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double top = ((p00 >> shift) & 255) * (1 - ax) + ((p01 >> shift) & 255) * ax;
            double bottom = ((p10 >> shift) & 255) * (1 - ax) + ((p11 >> shift) & 255) * ax;
            int v = (int) Math.round(top * (1 - ay) + bottom * ay);
            rgb |= Math.max(0, Math.min(255, v)) << shift;
        }
        return rgb;
    }
}
