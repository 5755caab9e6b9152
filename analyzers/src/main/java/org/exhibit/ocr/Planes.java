package org.exhibit.ocr;

import java.awt.image.BufferedImage;

/**
 * An image as three float planes in B, G, R order (the order OpenCV reads and PaddleOCR's models were trained on),
 * values 0..255. Resizing follows OpenCV's INTER_LINEAR: half-pixel centres, edge clamped, rounded to 8 bits.
 */
final class Planes {

    final int width;
    final int height;
    final float[][] bgr;

    Planes(int width, int height, float[][] bgr) {
        this.width = width;
        this.height = height;
        this.bgr = bgr;
    }

    static Planes of(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        float[][] p = new float[3][w * h];
        for (int i = 0; i < argb.length; i++) {
            p[0][i] = argb[i] & 0xff;
            p[1][i] = (argb[i] >> 8) & 0xff;
            p[2][i] = (argb[i] >> 16) & 0xff;
        }
        return new Planes(w, h, p);
    }

    float at(int channel, int x, int y) {
        return bgr[channel][y * width + x];
    }

    /** Bilinear sample at a real position, edges replicated (OpenCV BORDER_REPLICATE). */
    float sample(int channel, double x, double y) {
        x = Math.max(0, Math.min(width - 1, x));
        y = Math.max(0, Math.min(height - 1, y));
        int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
        int x1 = Math.min(x0 + 1, width - 1), y1 = Math.min(y0 + 1, height - 1);
        double fx = x - x0, fy = y - y0;
        double top = at(channel, x0, y0) * (1 - fx) + at(channel, x1, y0) * fx;
        double bottom = at(channel, x0, y1) * (1 - fx) + at(channel, x1, y1) * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }

    Planes resize(int newWidth, int newHeight) {
        float[][] out = new float[3][newWidth * newHeight];
        double sx = (double) width / newWidth, sy = (double) height / newHeight;
        for (int y = 0; y < newHeight; y++) {
            double srcY = (y + 0.5) * sy - 0.5;
            for (int x = 0; x < newWidth; x++) {
                double srcX = (x + 0.5) * sx - 0.5;
                for (int c = 0; c < 3; c++) {
                    out[c][y * newWidth + x] = Math.round(sample(c, srcX, srcY));
                }
            }
        }
        return new Planes(newWidth, newHeight, out);
    }

    /**
     * The rectangle spanned by a quad's corners 0→1 (top edge) and 0→3 (left edge), sampled into an upright
     * image of the given size. Detection boxes are rectangles, so this affine map equals the perspective crop
     * PaddleOCR makes with four points.
     */
    Planes crop(Quad q, int outWidth, int outHeight) {
        float[][] out = new float[3][outWidth * outHeight];
        double[] p = q.points();
        for (int y = 0; y < outHeight; y++) {
            double v = (y + 0.5) / outHeight;
            for (int x = 0; x < outWidth; x++) {
                double u = (x + 0.5) / outWidth;
                double srcX = p[0] + u * (p[2] - p[0]) + v * (p[6] - p[0]) - 0.5;
                double srcY = p[1] + u * (p[3] - p[1]) + v * (p[7] - p[1]) - 0.5;
                for (int c = 0; c < 3; c++) {
                    out[c][y * outWidth + x] = sample(c, srcX, srcY);
                }
            }
        }
        return new Planes(outWidth, outHeight, out);
    }

    /** Turned 90° counter-clockwise, as numpy's rot90 does for crops taller than wide. */
    Planes rotate90() {
        float[][] out = new float[3][width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < 3; c++) {
                    out[c][(width - 1 - x) * height + y] = at(c, x, y);
                }
            }
        }
        return new Planes(height, width, out);
    }
}
