package org.exhibit.watermark;

import org.exhibit.evidence.Region;
import org.exhibit.similarity.Homography;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The pictures the watermark findings show. Pixels only, no text, so they render the same everywhere. */
final class Figures {

    static final Color MARK = new Color(230, 30, 30);
    static final Color FRAME = new Color(30, 120, 255);
    /** Residual shown at full heat, in luma levels. */
    static final float HEAT_FULL = 64f;

    private Figures() {
    }

    /**
     * Three panels over the window around the mark: the original with the mark outlined, the accused warped
     * onto the original's grid with the same outline (grey where the accused does not reach), and the heat map
     * of |original − accused| (black 0, yellow-white ≥ 64 levels).
     */
    static byte[] regionPanels(BufferedImage original, BufferedImage accused, Homography accusedToOriginal,
                               Region mark, RegionMeasures m) {
        Region w = m.window();
        int zoom = Math.max(1, Math.min(4, 320 / Math.max(1, w.width())));
        int pw = w.width() * zoom, ph = w.height() * zoom, gap = 6;
        BufferedImage out = new BufferedImage(3 * pw + 2 * gap, ph, BufferedImage.TYPE_INT_RGB);
        Homography back = accusedToOriginal.inverse();
        for (int y = 0; y < w.height(); y++) {
            for (int x = 0; x < w.width(); x++) {
                int ox = w.x() + x, oy = w.y() + y;
                int orig = original.getRGB(ox, oy);
                double[] p = back.map(ox, oy);
                int acc = inside(accused, p) ? accused.getRGB((int) Math.round(p[0]), (int) Math.round(p[1])) : 0x808080;
                float r = m.residualMap()[y * w.width() + x];
                int heat = Float.isNaN(r) ? 0x808080 : heat(r / HEAT_FULL);
                for (int dy = 0; dy < zoom; dy++) {
                    for (int dx = 0; dx < zoom; dx++) {
                        out.setRGB(x * zoom + dx, y * zoom + dy, orig);
                        out.setRGB(pw + gap + x * zoom + dx, y * zoom + dy, acc);
                        out.setRGB(2 * (pw + gap) + x * zoom + dx, y * zoom + dy, heat);
                    }
                }
            }
        }
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(pw, 0, gap, ph);
        g.fillRect(2 * pw + gap, 0, gap, ph);
        g.setColor(MARK);
        g.setStroke(new BasicStroke(2));
        for (int panel = 0; panel < 3; panel++) {
            g.drawRect(panel * (pw + gap) + (mark.x() - w.x()) * zoom, (mark.y() - w.y()) * zoom,
                    mark.width() * zoom, mark.height() * zoom);
        }
        g.dispose();
        return png(out);
    }

    /** The whole original (at most 640 px wide) with the mark outlined in red and the accused frame in blue. */
    static byte[] overview(BufferedImage original, Region mark, double[] footprint) {
        double s = Math.min(1.0, 640.0 / original.getWidth());
        int w = (int) Math.round(original.getWidth() * s), h = (int) Math.round(original.getHeight() * s);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(original, 0, 0, w, h, null);
        g.setStroke(new BasicStroke(2));
        g.setColor(MARK);
        g.drawRect((int) (mark.x() * s), (int) (mark.y() * s), (int) (mark.width() * s), (int) (mark.height() * s));
        if (footprint != null) {
            g.setColor(FRAME);
            int[] xs = new int[4], ys = new int[4];
            for (int i = 0; i < 4; i++) {
                xs[i] = (int) Math.round(footprint[2 * i] * s);
                ys[i] = (int) Math.round(footprint[2 * i + 1] * s);
            }
            g.drawPolygon(xs, ys, 4);
        }
        g.dispose();
        return png(out);
    }

    private static boolean inside(BufferedImage img, double[] p) {
        return p[0] >= -0.5 && p[1] >= -0.5 && p[0] < img.getWidth() - 0.5 && p[1] < img.getHeight() - 0.5;
    }

    /** Black → red → yellow → white. */
    static int heat(float t) {
        t = Math.max(0, Math.min(1, t));
        int r = (int) (255 * Math.min(1, 3 * t));
        int g = (int) (255 * Math.max(0, Math.min(1, 3 * t - 1)));
        int b = (int) (255 * Math.max(0, Math.min(1, 3 * t - 2)));
        return r << 16 | g << 8 | b;
    }

    static byte[] png(BufferedImage img) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(img, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
