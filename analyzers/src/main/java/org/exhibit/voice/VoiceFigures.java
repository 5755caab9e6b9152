package org.exhibit.voice;

import org.exhibit.models.ModelStore;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The voice report's pictures, drawn with Java2D and encoded as PNG (same data, same bytes). */
final class VoiceFigures {

    static final Color REFERENCE = new Color(0x1f77b4);
    static final Color SUSPECT = new Color(0xd62728);
    private static final int W = 900;
    private static final int H = 320;
    private static final int LEFT = 70;
    private static final int BOTTOM = 40;
    private static final int TOP = 30;
    private static Font font;

    private VoiceFigures() {
    }

    /** Log-mel spectrogram, time across, mel bands up; grey scale over the clip's 60 dB range. */
    static byte[] spectrogram(double[][] logMel, String title) {
        BufferedImage img = canvas();
        Graphics2D g = graphics(img);
        int frames = logMel.length;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : logMel) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        double range = 60 / (10 / Math.log(10)); // 60 dB in natural-log units of power
        int pw = W - LEFT - 20;
        int ph = H - TOP - BOTTOM;
        for (int x = 0; x < pw; x++) {
            int f = frames == 0 ? 0 : Math.min(frames - 1, x * frames / pw);
            for (int y = 0; y < ph; y++) {
                int m = Math.min(Mfcc.MELS - 1, (ph - 1 - y) * Mfcc.MELS / ph);
                double v = frames == 0 ? 0 : (logMel[f][m] - (max - range)) / range;
                int c = 255 - (int) Math.round(255 * Math.max(0, Math.min(1, v)));
                img.setRGB(LEFT + x, TOP + y, new Color(c, c, c).getRGB());
            }
        }
        axes(g, title, "time (s)", "mel band", 0, frames / 100.0, "20 Hz … 7.6 kHz");
        return png(img);
    }

    /** F0 contours of reference (blue) and suspect (red), each over its own time axis scaled to the width. */
    static byte[] f0Contours(double[] reference, double[] suspect, String title) {
        BufferedImage img = canvas();
        Graphics2D g = graphics(img);
        double lo = 60;
        double hi = 400;
        int pw = W - LEFT - 20;
        int ph = H - TOP - BOTTOM;
        int longest = Math.max(1, Math.max(reference.length, suspect.length));
        for (int pass = 0; pass < 2; pass++) {
            double[] f0 = pass == 0 ? reference : suspect;
            g.setColor(pass == 0 ? REFERENCE : SUSPECT);
            for (int i = 0; i < f0.length; i++) {
                if (f0[i] <= 0) {
                    continue;
                }
                double yv = Math.log(Math.max(lo, Math.min(hi, f0[i])) / lo) / Math.log(hi / lo);
                int x = LEFT + (int) ((long) i * pw / longest);
                int y = TOP + ph - (int) Math.round(yv * ph);
                g.fillRect(x, y - 1, 2, 3);
            }
        }
        axes(g, title, "time (s)", "F0 (Hz, log)", 0, longest / 100.0, "60 … 400 Hz");
        legend(g);
        return png(img);
    }

    /** Long-term average mel spectrum of reference and suspect speech, each normalised to its own peak. */
    static byte[] spectralEnvelope(double[] reference, double[] suspect, String title) {
        BufferedImage img = canvas();
        Graphics2D g = graphics(img);
        g.setStroke(new BasicStroke(2f));
        plotCurve(g, reference, REFERENCE, 40);
        plotCurve(g, suspect, SUSPECT, 40);
        axes(g, title, "mel band (20 Hz … 7.6 kHz)", "level (dB, 40 dB span)", 0, Mfcc.MELS, "");
        legend(g);
        return png(img);
    }

    /**
     * Tippett plot: for each log10 LR, the share of same-speaker (blue) and different-speaker (red) calibration
     * trials at or above it; the case's value as a vertical black line.
     */
    static byte[] tippett(double[] targetQuantiles, double[] nonTargetQuantiles, double caseLog10Lr, String title) {
        return exceedance(targetQuantiles, nonTargetQuantiles, caseLog10Lr, -6, 6, "log10 LR", title);
    }

    /**
     * Share of same-speaker (blue) and different-speaker (red) trials at or above each value, from their
     * quantiles, over [lo, hi]; a black line at this case's value (none when it is NaN).
     */
    static byte[] exceedance(double[] targetQuantiles, double[] nonTargetQuantiles, double caseValue, double lo,
                             double hi, String xLabel, String title) {
        BufferedImage img = canvas();
        Graphics2D g = graphics(img);
        int pw = W - LEFT - 20;
        int ph = H - TOP - BOTTOM;
        g.setStroke(new BasicStroke(2f));
        for (int pass = 0; pass < 2; pass++) {
            double[] q = pass == 0 ? targetQuantiles : nonTargetQuantiles;
            g.setColor(pass == 0 ? REFERENCE : SUSPECT);
            int px = -1;
            int py = -1;
            for (int i = 0; i < q.length; i++) {
                double share = 1 - (double) i / (q.length - 1); // share of trials with log10 LR >= q[i]
                int x = LEFT + (int) Math.round((Math.max(lo, Math.min(hi, q[i])) - lo) / (hi - lo) * pw);
                int y = TOP + ph - (int) Math.round(share * ph);
                if (px >= 0) {
                    g.drawLine(px, py, x, py);
                    g.drawLine(x, py, x, y);
                }
                px = x;
                py = y;
            }
        }
        g.setColor(Color.BLACK);
        if (!Double.isNaN(caseValue)) {
            int cx = LEFT + (int) Math.round((Math.max(lo, Math.min(hi, caseValue)) - lo) / (hi - lo) * pw);
            g.drawLine(cx, TOP, cx, TOP + ph);
        }
        axes(g, title, xLabel, "share ≥ value", lo, hi, "0 … 1");
        g.setColor(REFERENCE);
        g.drawString("same speaker", W - 330, TOP + 15);
        g.setColor(SUSPECT);
        g.drawString("different speakers", W - 220, TOP + 15);
        return png(img);
    }

    private static void plotCurve(Graphics2D g, double[] v, Color c, double spanDb) {
        if (v.length < 2) {
            return;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            max = Math.max(max, x);
        }
        int pw = W - LEFT - 20;
        int ph = H - TOP - BOTTOM;
        g.setColor(c);
        for (int i = 1; i < v.length; i++) {
            int x0 = LEFT + (i - 1) * pw / (v.length - 1);
            int x1 = LEFT + i * pw / (v.length - 1);
            g.drawLine(x0, y(v[i - 1], max, spanDb, ph), x1, y(v[i], max, spanDb, ph));
        }
    }

    private static int y(double db, double max, double span, int ph) {
        double f = Math.max(0, Math.min(1, (db - (max - span)) / span));
        return TOP + ph - (int) Math.round(f * ph);
    }

    private static void legend(Graphics2D g) {
        g.setColor(REFERENCE);
        g.drawString("reference", W - 200, TOP + 15);
        g.setColor(SUSPECT);
        g.drawString("suspect", W - 110, TOP + 15);
    }

    private static void axes(Graphics2D g, String title, String xLabel, String yLabel, double x0, double x1,
                             String yRange) {
        int ph = H - TOP - BOTTOM;
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(LEFT, TOP, W - LEFT - 20, ph);
        g.drawString(title, LEFT, 20);
        g.drawString(String.format(java.util.Locale.ROOT, "%.1f", x0), LEFT - 5, TOP + ph + 15);
        String end = String.format(java.util.Locale.ROOT, "%.1f", x1);
        g.drawString(end, W - 20 - g.getFontMetrics().stringWidth(end), TOP + ph + 15);
        g.drawString(xLabel, LEFT + (W - LEFT) / 2 - 60, TOP + ph + 32);
        g.drawString(yLabel, 5, TOP + ph / 2);
        g.drawString(yRange, 5, TOP + ph / 2 + 15);
    }

    private static BufferedImage canvas() {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.dispose();
        return img;
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setFont(font());
        return g;
    }

    /** The report font the build fetched (same glyphs on every machine); the JDK's sans-serif without it. */
    private static synchronized Font font() {
        if (font == null) {
            try {
                font = Font.createFont(Font.TRUETYPE_FONT, ModelStore.path("font-noto-sans-sc").toFile())
                        .deriveFont(12f);
            } catch (Exception e) {
                font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            }
        }
        return font;
    }

    private static byte[] png(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] quantiles(double[] values, int n) {
        double[] s = values.clone();
        java.util.Arrays.sort(s);
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = s.length == 0 ? 0 : s[(int) Math.round((double) i / (n - 1) * (s.length - 1))];
        }
        return q;
    }
}
