package org.exhibit.watermark;

import org.exhibit.io.Images;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Error level analysis (Krawetz 2007): re-save at JPEG quality 90 and show the difference, amplified. Regions
 * edited after the last save often re-compress differently from the rest. A supporting picture only: its
 * reading depends on content and on the file's history, and it has no measured error rate.
 */
final class Ela {

    static final float QUALITY = 0.9f;
    static final int GAIN = 12;

    private Ela() {
    }

    /** The ELA picture of an image, at most 640 px wide. */
    static byte[] figure(BufferedImage image) {
        double s = Math.min(1.0, 640.0 / image.getWidth());
        int w = Math.max(1, (int) Math.round(image.getWidth() * s)), h = Math.max(1, (int) Math.round(image.getHeight() * s));
        BufferedImage src = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = src.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        BufferedImage again = recompress(src);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sx = Math.min(src.getWidth() - 1, (int) (x / s)), sy = Math.min(src.getHeight() - 1, (int) (y / s));
                int a = src.getRGB(sx, sy), b = again.getRGB(sx, sy);
                int r = amp((a >> 16 & 255) - (b >> 16 & 255)), gg = amp((a >> 8 & 255) - (b >> 8 & 255)),
                        bb = amp((a & 255) - (b & 255));
                out.setRGB(x, y, r << 16 | gg << 8 | bb);
            }
        }
        return Figures.png(out);
    }

    private static int amp(int d) {
        return Math.min(255, Math.abs(d) * GAIN);
    }

    private static BufferedImage recompress(BufferedImage img) {
        try {
            return ImageIO.read(new ByteArrayInputStream(Images.encodeJpeg(img, QUALITY)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
