package org.exhibit.similarity;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The edits a copier makes, as the benchmark and the tests apply them: crop, resize, rotate, flip, JPEG
 * re-encoding, colour shift, blur, text overlay, a watermark strip, pasting into another picture. Each returns a
 * new image and leaves its input alone. Anti-aliasing off, so results are the same on every JDK.
 */
public final class Transforms {

    private Transforms() {
    }

    public static BufferedImage crop(BufferedImage src, int x, int y, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, -x, -y, null);
        g.dispose();
        return out;
    }

    /** A centred-anywhere crop keeping {@code fraction} of the area, at offset (fx, fy) ∈ [0,1]² of the slack. */
    public static BufferedImage cropFraction(BufferedImage src, double fraction, double fx, double fy) {
        double side = Math.sqrt(fraction);
        int w = Math.max(16, (int) Math.round(src.getWidth() * side));
        int h = Math.max(16, (int) Math.round(src.getHeight() * side));
        int x = (int) Math.round((src.getWidth() - w) * fx), y = (int) Math.round((src.getHeight() - h) * fy);
        return crop(src, x, y, w, h);
    }

    public static BufferedImage resize(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** Rotation about the centre by {@code degrees} (clockwise on screen), same canvas size for small angles, swapped for ±90. */
    public static BufferedImage rotate(BufferedImage src, double degrees) {
        boolean quarter = Math.abs(Math.abs(degrees) - 90) < 1e-9;
        int w = quarter ? src.getHeight() : src.getWidth(), h = quarter ? src.getWidth() : src.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform t = new AffineTransform();
        t.translate(w / 2.0, h / 2.0);
        t.rotate(Math.toRadians(degrees));
        t.translate(-src.getWidth() / 2.0, -src.getHeight() / 2.0);
        g.drawImage(src, t, null);
        g.dispose();
        return out;
    }

    public static BufferedImage flipHorizontal(BufferedImage src) {
        int w = src.getWidth(), h = src.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(w - 1 - x, y, src.getRGB(x, y));
            }
        }
        return out;
    }

    public static BufferedImage jpeg(BufferedImage src, int quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam p = writer.getDefaultWriteParam();
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(quality / 100f);
                writer.write(null, new IIOImage(rgb(src), null, null), p);
            } finally {
                writer.dispose();
            }
            return rgb(ImageIO.read(new ByteArrayInputStream(bytes.toByteArray())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds (dr, dg, db) to every pixel and scales contrast by {@code gain} about 128. */
    public static BufferedImage colourShift(BufferedImage src, int dr, int dg, int db, double gain) {
        int w = src.getWidth(), h = src.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = src.getRGB(x, y);
                int r = adjust((p >> 16) & 255, dr, gain), gg = adjust((p >> 8) & 255, dg, gain), b = adjust(p & 255, db, gain);
                out.setRGB(x, y, r << 16 | gg << 8 | b);
            }
        }
        return out;
    }

    /** Box blur of the given radius (separable, edges clamped). */
    public static BufferedImage blur(BufferedImage src, int radius) {
        int w = src.getWidth(), h = src.getHeight();
        int[] a = src.getRGB(0, 0, w, h, null, 0, w), b = new int[a.length];
        pass(a, b, w, h, radius, 1, w);
        pass(b, a, h, w, radius, w, 1);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, a, 0, w);
        return out;
    }

    /** Draws {@code text} in a semi-transparent band near the bottom, as a caption or logo would sit. */
    public static BufferedImage textOverlay(BufferedImage src, String text, float opacity) {
        BufferedImage out = copy(src);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        int size = Math.max(10, src.getHeight() / 12);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, opacity));
        g.setColor(Color.WHITE);
        g.drawString(text, src.getWidth() / 10, src.getHeight() - size);
        g.fillRect(src.getWidth() - size * 2, size / 2, size * 3 / 2, size * 3 / 2);
        g.dispose();
        return out;
    }

    /** Removes a strip (as when a visible watermark band is cut off): the strip is filled with its neighbour row. */
    public static BufferedImage stripRemoved(BufferedImage src, double fraction) {
        int h = src.getHeight(), cut = (int) Math.round(h * fraction);
        return crop(src, 0, 0, src.getWidth(), Math.max(16, h - cut));
    }

    /** Pastes {@code part} into {@code canvas} at (x, y). */
    public static BufferedImage paste(BufferedImage canvas, BufferedImage part, int x, int y) {
        BufferedImage out = copy(canvas);
        Graphics2D g = out.createGraphics();
        g.drawImage(part, x, y, null);
        g.dispose();
        return out;
    }

    public static BufferedImage copy(BufferedImage src) {
        return rgb(src);
    }

    private static BufferedImage rgb(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    private static int adjust(int v, int delta, double gain) {
        return Math.max(0, Math.min(255, (int) Math.round((v - 128) * gain + 128 + delta)));
    }

    private static void pass(int[] in, int[] out, int len, int lines, int r, int step, int lineStep) {
        for (int l = 0; l < lines; l++) {
            for (int i = 0; i < len; i++) {
                int sr = 0, sg = 0, sb = 0, n = 0;
                for (int k = -r; k <= r; k++) {
                    int j = Math.max(0, Math.min(len - 1, i + k));
                    int p = in[l * lineStep + j * step];
                    sr += (p >> 16) & 255;
                    sg += (p >> 8) & 255;
                    sb += p & 255;
                    n++;
                }
                out[l * lineStep + i * step] = (sr / n) << 16 | (sg / n) << 8 | (sb / n);
            }
        }
    }
}
