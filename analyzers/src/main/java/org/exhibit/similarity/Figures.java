package org.exhibit.similarity;

import org.exhibit.evidence.Figure;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The pictures a similarity finding refers to: side by side, matched keypoints joined by lines, the accused
 * warped onto the original beside a dissimilarity heatmap, and the corresponding region outlined. Drawn at
 * {@value #HEIGHT} px high, anti-aliasing off, so the same inputs give the same PNG bytes.
 */
final class Figures {

    static final int HEIGHT = 360;
    private static final int GAP = 8;
    private static final Color LINE = new Color(255, 200, 0);
    private static final Color OUTLINE = new Color(255, 40, 40);

    private Figures() {
    }

    static Figure sideBySide(BufferedImage original, BufferedImage accused) {
        Canvas c = new Canvas(original, accused);
        return png("similarity-side-by-side", "Original (left) and accused (right), scaled to the same height.", c.image);
    }

    static Figure keypoints(BufferedImage original, BufferedImage accused, Alignment a) {
        Canvas c = new Canvas(original, accused);
        Graphics2D g = c.graphics();
        g.setColor(LINE);
        List<Alignment.Pair> pairs = a.inlierPairs();
        int step = Math.max(1, pairs.size() / 60); // at most about 60 lines, evenly taken, so the picture stays legible
        for (int i = 0; i < pairs.size(); i += step) {
            Alignment.Pair p = pairs.get(i);
            int x1 = (int) Math.round(p.originalX() * c.so), y1 = (int) Math.round(p.originalY() * c.so);
            int x2 = c.offset + (int) Math.round(p.accusedX() * c.sa), y2 = (int) Math.round(p.accusedY() * c.sa);
            g.drawLine(x1, y1, x2, y2);
            g.drawOval(x1 - 2, y1 - 2, 4, 4);
            g.drawOval(x2 - 2, y2 - 2, 4, 4);
        }
        g.dispose();
        return png("similarity-keypoints", a.inliers() + " keypoint correspondences consistent with one homography "
                + "(RANSAC inliers" + (step > 1 ? ", every " + step + "th drawn" : "") + "): original left, accused right.",
                c.image);
    }

    static Figure warpAndDifference(BufferedImage original, BufferedImage accused, Alignment a, Ssim.Result ssim) {
        int h = HEIGHT, w = (int) Math.round((double) original.getWidth() * h / original.getHeight());
        Homography toFigure = Homography.scaleTranslate((double) w / original.getWidth(), (double) h / original.getHeight(), 0, 0);
        BufferedImage warped = Warp.ontoOriginal(accused, toFigure.after(a.accusedToOriginal()), w, h);
        BufferedImage out = new BufferedImage(2 * w + GAP, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), h);
        g.setColor(new Color(90, 90, 90));
        g.fillRect(0, 0, w, h);
        g.drawImage(warped, 0, 0, null);
        g.dispose();
        Gray map = ssim.map();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float s = map.get(Math.min(map.width - 1, x * map.width / w), Math.min(map.height - 1, y * map.height / h));
                out.setRGB(w + GAP + x, y, Float.isNaN(s) ? 0x5A5A5A : heat(1 - s));
            }
        }
        return png("similarity-warp-difference", "Left: the accused warped onto the original's frame through the "
                + "homography (grey = not covered). Right: local dissimilarity 1 − SSIM (blue = same, red = different, "
                + "grey = not compared).", out);
    }

    static Figure region(BufferedImage original, BufferedImage accused, Alignment a) {
        Canvas c = new Canvas(original, accused);
        Graphics2D g = c.graphics();
        g.setColor(OUTLINE);
        g.setStroke(new BasicStroke(3));
        double[] f = a.footprintInOriginal();
        Polygon poly = new Polygon();
        for (int i = 0; i < 4; i++) {
            poly.addPoint((int) Math.round(f[2 * i] * c.so), (int) Math.round(f[2 * i + 1] * c.so));
        }
        g.setClip(0, 0, c.offset - GAP, HEIGHT);
        g.drawPolygon(poly);
        g.setClip(null);
        g.drawRect(c.offset + 1, 1, (int) Math.round(accused.getWidth() * c.sa) - 3, HEIGHT - 3);
        g.dispose();
        return png("similarity-region", "Red outline: where the accused image lies on the original, as mapped by "
                + "the homography.", c.image);
    }

    /** Blue (0) → green → red (1). */
    private static int heat(double v) {
        v = Math.max(0, Math.min(1, v * 2)); // dissimilarity above 0.5 is already fully red
        int r = (int) Math.round(255 * Math.min(1, 2 * v)), b = (int) Math.round(255 * Math.min(1, 2 * (1 - v)));
        int gr = (int) Math.round(255 * (1 - Math.abs(2 * v - 1)));
        return r << 16 | gr << 8 | b;
    }

    private static Figure png(String id, String caption, BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return new Figure(id, caption, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Both images scaled to one height, side by side. */
    private static final class Canvas {
        final BufferedImage image;
        final double so;
        final double sa;
        final int offset;

        Canvas(BufferedImage original, BufferedImage accused) {
            so = (double) HEIGHT / original.getHeight();
            sa = (double) HEIGHT / accused.getHeight();
            int wo = (int) Math.round(original.getWidth() * so), wa = (int) Math.round(accused.getWidth() * sa);
            offset = wo + GAP;
            image = new BufferedImage(wo + GAP + wa, HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), HEIGHT);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(original, 0, 0, wo, HEIGHT, null);
            g.drawImage(accused, offset, 0, wa, HEIGHT, null);
            g.dispose();
        }

        Graphics2D graphics() {
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            return g;
        }
    }
}
