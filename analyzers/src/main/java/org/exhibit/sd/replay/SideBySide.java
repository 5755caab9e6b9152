package org.exhibit.sd.replay;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The claimed, reproduced and control images in one row, each 256 px high, captioned underneath. */
final class SideBySide {

    private static final int HEIGHT = 256;
    private static final int CAPTION = 36;
    private static final int GAP = 8;

    record Panel(BufferedImage image, String line1, String line2) {
    }

    private SideBySide() {
    }

    static byte[] png(List<Panel> panels) {
        int total = GAP;
        for (Panel p : panels) {
            total += width(p.image()) + GAP;
        }
        BufferedImage out = new BufferedImage(total, HEIGHT + CAPTION + 2 * GAP, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int x = GAP;
        for (Panel p : panels) {
            int w = width(p.image());
            g.drawImage(p.image(), x, GAP, w, HEIGHT, null);
            g.setColor(Color.BLACK);
            g.drawString(p.line1(), x, GAP + HEIGHT + 14);
            g.setColor(Color.DARK_GRAY);
            g.drawString(p.line2(), x, GAP + HEIGHT + 30);
            x += w + GAP;
        }
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(out, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static int width(BufferedImage image) {
        return Math.max(160, (int) Math.round(image.getWidth() * (double) HEIGHT / image.getHeight()));
    }
}
