package org.exhibit.similarity;

import java.awt.image.BufferedImage;

/**
 * A single-channel float image (luma, 0–255) used for analysis. Pixels outside an aligned region are NaN.
 * Luma is ITU-R BT.601: 0.299 R + 0.587 G + 0.114 B, the weighting PIL's "L" mode and PDQ use.
 */
public final class Gray {

    final int width;
    final int height;
    final float[] data;

    public Gray(int width, int height, float[] data) {
        if (data.length != width * height) {
            throw new IllegalArgumentException("size mismatch");
        }
        this.width = width;
        this.height = height;
        this.data = data;
    }

    public static Gray of(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        float[] d = new float[w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                d[y * w + x] = 0.299f * ((p >> 16) & 255) + 0.587f * ((p >> 8) & 255) + 0.114f * (p & 255);
            }
        }
        return new Gray(w, h, d);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public float get(int x, int y) {
        return data[y * width + x];
    }

    /**
     * Area-averaged downscale so that the longer side is at most {@code maxSide} (no upscaling). Each output
     * pixel is the mean of the input pixels it covers, weighted by overlap: no aliasing, no randomness.
     */
    public Gray downscaleTo(int maxSide) {
        double s = Math.min(1.0, (double) maxSide / Math.max(width, height));
        if (s >= 1.0) {
            return this;
        }
        int w = Math.max(1, (int) Math.round(width * s)), h = Math.max(1, (int) Math.round(height * s));
        return resizeArea(w, h);
    }

    /** Area-averaged resize to exactly w × h (for shrinking; also works for mild enlargement). */
    public Gray resizeArea(int w, int h) {
        float[] tmp = new float[w * height];
        double fx = (double) width / w;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < w; x++) {
                tmp[y * w + x] = (float) average(data, y * width, 1, width, x * fx, (x + 1) * fx);
            }
        }
        float[] out = new float[w * h];
        double fy = (double) height / h;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (float) average(tmp, x, w, height, y * fy, (y + 1) * fy);
            }
        }
        return new Gray(w, h, out);
    }

    private static double average(float[] d, int base, int stride, int n, double from, double to) {
        double sum = 0, weight = 0;
        int first = (int) Math.floor(from), last = Math.min(n - 1, (int) Math.ceil(to) - 1);
        for (int i = Math.max(0, first); i <= last; i++) {
            double wgt = Math.min(to, i + 1) - Math.max(from, i);
            if (wgt > 0) {
                sum += wgt * d[base + i * stride];
                weight += wgt;
            }
        }
        return weight > 0 ? sum / weight : d[base + Math.min(n - 1, Math.max(0, first)) * stride];
    }

    /** Bilinear sample at (x, y); NaN outside the image or where a neighbour is NaN. */
    public float sample(double x, double y) {
        if (!(x >= 0 && y >= 0 && x <= width - 1 && y <= height - 1)) {
            return Float.NaN;
        }
        int x0 = Math.min((int) x, width - 2 < 0 ? 0 : width - 2), y0 = Math.min((int) y, height - 2 < 0 ? 0 : height - 2);
        int x1 = Math.min(x0 + 1, width - 1), y1 = Math.min(y0 + 1, height - 1);
        double ax = x - x0, ay = y - y0;
        double top = data[y0 * width + x0] * (1 - ax) + data[y0 * width + x1] * ax;
        double bottom = data[y1 * width + x0] * (1 - ax) + data[y1 * width + x1] * ax;
        return (float) (top * (1 - ay) + bottom * ay);
    }

    /** Fraction of pixels that are not NaN. */
    public double coverage() {
        int n = 0;
        for (float v : data) {
            if (!Float.isNaN(v)) {
                n++;
            }
        }
        return (double) n / data.length;
    }
}
