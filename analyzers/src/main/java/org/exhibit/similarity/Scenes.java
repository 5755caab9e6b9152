package org.exhibit.similarity;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Source pictures for the similarity benchmark, drawn in code from a seed (same pixels on every machine):
 * landscapes, portrait-like figures and cluttered still lifes over textured backgrounds, so that hashes,
 * structure and keypoints meet varied, non-flat content. Anti-aliasing is off (its rasterisation varies by JDK).
 */
public final class Scenes {

    private Scenes() {
    }

    public static BufferedImage draw(int width, int height, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        BufferedImage img = texture(width, height, rnd);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        switch (rnd.nextInt(3)) {
            case 0 -> landscape(g, width, height, rnd);
            case 1 -> portrait(g, width, height, rnd);
            default -> stillLife(g, width, height, rnd);
        }
        g.dispose();
        return img;
    }

    private static BufferedImage texture(int w, int h, SplittableRandom rnd) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int r0 = rnd.nextInt(40, 200), g0 = rnd.nextInt(40, 200), b0 = rnd.nextInt(40, 200);
        double fx = rnd.nextDouble(0.005, 0.05), fy = rnd.nextDouble(0.005, 0.05), phase = rnd.nextDouble(6.28);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double wave = Math.sin(x * fx + phase) * Math.cos(y * fy);
                int noise = rnd.nextInt(-14, 15);
                row[x] = rgb(r0 + (int) (45 * wave) + noise, g0 + (int) (30 * wave) + noise, b0 - (int) (40 * wave) + noise);
            }
            img.setRGB(0, y, w, 1, row, 0, w);
        }
        return img;
    }

    private static void landscape(Graphics2D g, int w, int h, SplittableRandom rnd) {
        int horizon = h * rnd.nextInt(35, 60) / 100;
        for (int layer = 0; layer < 3; layer++) {
            g.setColor(colour(rnd));
            double f = rnd.nextDouble(0.005, 0.03), amp = h * rnd.nextDouble(0.03, 0.12), ph = rnd.nextDouble(6.28);
            int[] xs = new int[w / 4 + 3], ys = new int[xs.length];
            for (int i = 0; i <= w / 4; i++) {
                xs[i] = i * 4;
                ys[i] = horizon + layer * h / 10 + (int) (amp * Math.sin(i * 4 * f + ph));
            }
            xs[xs.length - 2] = w;
            ys[ys.length - 2] = h;
            xs[xs.length - 1] = 0;
            ys[ys.length - 1] = h;
            g.fillPolygon(xs, ys, xs.length);
        }
        g.setColor(new Color(250, 220, 90));
        int sun = Math.max(8, w / rnd.nextInt(8, 16));
        g.fillOval(rnd.nextInt(w - sun), rnd.nextInt(Math.max(1, horizon - sun)), sun, sun);
        int trees = 5 + rnd.nextInt(12);
        for (int i = 0; i < trees; i++) {
            int x = rnd.nextInt(w), base = horizon + rnd.nextInt(Math.max(1, h - horizon)), th = h / rnd.nextInt(6, 14);
            g.setColor(new Color(90, 60, 30));
            g.fillRect(x, base - th / 3, Math.max(2, th / 10), th / 3);
            g.setColor(colour(rnd).darker());
            g.fillPolygon(new int[]{x - th / 4, x + th / 4, x}, new int[]{base - th / 3, base - th / 3, base - th}, 3);
        }
    }

    private static void portrait(Graphics2D g, int w, int h, SplittableRandom rnd) {
        int cx = w / 2 + rnd.nextInt(-w / 8, w / 8 + 1), fw = w * rnd.nextInt(22, 36) / 100, fh = fw * 13 / 10;
        int top = h / 6 + rnd.nextInt(h / 10 + 1);
        g.setColor(colour(rnd));
        g.fillRoundRect(cx - fw, top + fh - fh / 8, fw * 2, h, fw / 2, fw / 2); // clothing
        g.setColor(colour(rnd).darker());
        g.fillOval(cx - fw * 6 / 10, top - fh / 8, fw * 12 / 10, fh * 7 / 10); // hair
        g.setColor(new Color(rnd.nextInt(150, 250), rnd.nextInt(110, 200), rnd.nextInt(80, 170)));
        g.fillOval(cx - fw / 2, top, fw, fh); // face
        int eyeY = top + fh * 4 / 10, eye = Math.max(3, fw / 7);
        for (int side = -1; side <= 1; side += 2) {
            g.setColor(Color.WHITE);
            g.fillOval(cx + side * fw / 5 - eye, eyeY - eye / 2, eye * 2, eye);
            g.setColor(colour(rnd).darker());
            g.fillOval(cx + side * fw / 5 - eye / 3, eyeY - eye / 3, eye * 2 / 3, eye * 2 / 3);
        }
        g.setColor(new Color(150, 40, 50));
        g.setStroke(new BasicStroke(Math.max(2, fw / 30f)));
        g.drawArc(cx - fw / 5, top + fh * 6 / 10, fw * 2 / 5, fh / 6, 200, 140);
        g.setColor(colour(rnd));
        int acc = Math.max(4, fw / 6);
        g.fillOval(cx - fw / 2 - acc / 2, top + fh / 2, acc, acc); // earring
        g.fillPolygon(new int[]{cx - fw / 3, cx + fw / 3, cx}, new int[]{top + 2, top + 2, top - fh / 4}, 3); // hat/ornament
    }

    private static void stillLife(Graphics2D g, int w, int h, SplittableRandom rnd) {
        int shapes = 14 + rnd.nextInt(14);
        for (int i = 0; i < shapes; i++) {
            g.setColor(colour(rnd));
            int sw = rnd.nextInt(Math.max(2, w / 14), Math.max(3, w / 3)), sh = rnd.nextInt(Math.max(2, h / 14), Math.max(3, h / 3));
            int x = rnd.nextInt(-sw / 2, w - sw / 2), y = rnd.nextInt(-sh / 2, h - sh / 2);
            switch (rnd.nextInt(5)) {
                case 0 -> g.fillOval(x, y, sw, sh);
                case 1 -> g.fillRect(x, y, sw, sh);
                case 2 -> {
                    g.setStroke(new BasicStroke(2 + rnd.nextInt(6)));
                    g.drawLine(x, y, x + sw, y + sh);
                }
                case 3 -> {
                    g.setStroke(new BasicStroke(1 + rnd.nextInt(4)));
                    for (int k = 0; k < 6; k++) {
                        g.drawOval(x + k * sw / 14, y + k * sh / 14, Math.max(2, sw - k * sw / 7), Math.max(2, sh - k * sh / 7));
                    }
                }
                default -> g.fillPolygon(new int[]{x, x + sw, x + sw / 2}, new int[]{y + sh, y + sh, y}, 3);
            }
        }
    }

    private static Color colour(SplittableRandom rnd) {
        return new Color(rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256));
    }

    private static int rgb(int r, int g, int b) {
        return Math.max(0, Math.min(255, r)) << 16 | Math.max(0, Math.min(255, g)) << 8 | Math.max(0, Math.min(255, b));
    }
}
