package org.exhibit.watermark;

import org.exhibit.evidence.Region;
import org.exhibit.similarity.Gray;
import org.exhibit.similarity.Homography;

/**
 * A rectangular window of luma in the original's pixel grid, with NaN where the accused (when warped) does not
 * cover it, and the separable Gaussian filters the region statistics need.
 */
final class Plane {

    final int x0;
    final int y0;
    final int width;
    final int height;
    final float[] v;

    Plane(int x0, int y0, int width, int height, float[] v) {
        this.x0 = x0;
        this.y0 = y0;
        this.width = width;
        this.height = height;
        this.v = v;
    }

    /** The original's own pixels over the window. */
    static Plane of(Gray image, Region window) {
        float[] v = new float[window.width() * window.height()];
        for (int y = 0; y < window.height(); y++) {
            for (int x = 0; x < window.width(); x++) {
                v[y * window.width() + x] = image.get(window.x() + x, window.y() + y);
            }
        }
        return new Plane(window.x(), window.y(), window.width(), window.height(), v);
    }

    /** The accused resampled onto the original's grid over the window (bilinear; NaN outside its frame). */
    static Plane warped(Gray accused, Homography accusedToOriginal, Region window) {
        Homography back = accusedToOriginal.inverse();
        float[] v = new float[window.width() * window.height()];
        for (int y = 0; y < window.height(); y++) {
            for (int x = 0; x < window.width(); x++) {
                double[] p = back.map(window.x() + x, window.y() + y);
                v[y * window.width() + x] = accused.sample(p[0], p[1]);
            }
        }
        return new Plane(window.x(), window.y(), window.width(), window.height(), v);
    }

    boolean valid(int i) {
        return !Float.isNaN(v[i]);
    }

    /** A copy with NaN replaced by the other plane's value, so filters do not spread NaN. */
    Plane filledFrom(Plane other) {
        float[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            if (Float.isNaN(out[i])) {
                out[i] = other.v[i];
            }
        }
        return new Plane(x0, y0, width, height, out);
    }

    /** Gaussian blur, edges replicated, kernel radius 3σ. */
    Plane gaussian(double sigma) {
        int r = Math.max(1, (int) Math.ceil(3 * sigma));
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        float[] tmp = new float[v.length], out = new float[v.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    s += k[i + r] * v[y * width + Math.max(0, Math.min(width - 1, x + i))];
                }
                tmp[y * width + x] = (float) s;
            }
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    s += k[i + r] * tmp[Math.max(0, Math.min(height - 1, y + i)) * width + x];
                }
                out[y * width + x] = (float) s;
            }
        }
        return new Plane(x0, y0, width, height, out);
    }

    /** Difference of Gaussians: the band of detail between the two scales (strokes of text and logo edges). */
    Plane bandPass(double fine, double coarse) {
        Plane a = gaussian(fine), b = gaussian(coarse);
        float[] out = new float[v.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.v[i] - b.v[i];
        }
        return new Plane(x0, y0, width, height, out);
    }

    /** Absolute 4-neighbour Laplacian: the finest detail, where sensor and compression noise live. */
    Plane laplacian() {
        float[] out = new float[v.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                float c = v[i];
                float l = x > 0 ? v[i - 1] : c, r = x < width - 1 ? v[i + 1] : c;
                float u = y > 0 ? v[i - width] : c, d = y < height - 1 ? v[i + width] : c;
                out[i] = 4 * c - l - r - u - d;
            }
        }
        return new Plane(x0, y0, width, height, out);
    }

    /** True when window pixel i lies in the region (original coordinates). */
    boolean in(int i, Region r) {
        int x = x0 + i % width, y = y0 + i / width;
        return x >= r.x() && y >= r.y() && x < r.x() + r.width() && y < r.y() + r.height();
    }
}
