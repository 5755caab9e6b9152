package org.exhibit.label;

import org.exhibit.bench.BenchmarkResult.MethodResult;
import org.exhibit.fixtures.Pictures;
import org.exhibit.io.Images;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * The SD watermark decoder on 512×512 procedural pictures: each picture clean (negative) and watermarked with the
 * library's encoder (positive), then passed through one transformation. Rates at Stability's "likely" threshold.
 */
final class WatermarkBench {

    private WatermarkBench() {
    }

    record Condition(String id, String words, UnaryOperator<BufferedImage> transform) {
    }

    static List<Condition> conditions() {
        return List.of(new Condition("", "untouched PNG", x -> x),
                new Condition("-jpeg90", "JPEG quality 90", x -> jpeg(x, 0.90f)),
                new Condition("-jpeg75", "JPEG quality 75", x -> jpeg(x, 0.75f)),
                new Condition("-jpeg50", "JPEG quality 50", x -> jpeg(x, 0.50f)),
                new Condition("-resize75", "resized to 75 %", x -> resize(x, 0.75)),
                new Condition("-resize50", "resized to 50 %", x -> resize(x, 0.5)),
                new Condition("-crop", "cropped 10 % off the left and top", x -> x.getSubimage(x.getWidth() / 10,
                        x.getHeight() / 10, x.getWidth() - x.getWidth() / 10, x.getHeight() - x.getHeight() / 10)));
    }

    static List<MethodResult> run(SplittableRandom r, int n) {
        List<MethodResult> out = new ArrayList<>();
        long[] seeds = new long[n];
        for (int i = 0; i < n; i++) {
            seeds[i] = r.nextLong();
        }
        for (String msg : new String[]{"sdxl", "sd1"}) {
            int[] message = msg.equals("sdxl") ? SdWatermark.SDXL : SdWatermark.SD1;
            int threshold = WatermarkFindings.bands(message.length)[2];
            List<BufferedImage> clean = new ArrayList<>();
            List<BufferedImage> marked = new ArrayList<>();
            for (long s : seeds) {
                BufferedImage c = Pictures.scene(512, 512, s);
                clean.add(c);
                marked.add(SdWatermark.encode(c, message));
            }
            for (Condition c : conditions()) {
                if (msg.equals("sd1") && !c.id().isEmpty() && !c.id().equals("-jpeg75")) {
                    continue; // SD 1.x: untouched and JPEG 75 only, to keep the run short
                }
                List<Integer> pos = new ArrayList<>();
                List<Integer> neg = new ArrayList<>();
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    pos.add(SdWatermark.matches(c.transform().apply(marked.get(i)), message));
                    neg.add(SdWatermark.matches(c.transform().apply(clean.get(i)), message));
                }
                double ms = (System.nanoTime() - start) / 1e6 / (2.0 * n);
                int fn = (int) pos.stream().filter(v -> v <= threshold).count();
                int fp = (int) neg.stream().filter(v -> v > threshold).count();
                out.add(new MethodResult("sd-watermark-" + msg + c.id(), "matching bits > " + threshold + " of "
                        + message.length + " (" + c.words() + ")", n, n, LabelBenchmark.rate(fp, n),
                        LabelBenchmark.rate(fn, n), LabelBenchmark.eer(pos, neg), ms));
            }
        }
        return out;
    }

    static BufferedImage jpeg(BufferedImage img, float quality) {
        try {
            return ImageIO.read(new ByteArrayInputStream(Images.encodeJpeg(img, quality)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static BufferedImage resize(BufferedImage img, double f) {
        int w = (int) Math.round(img.getWidth() * f);
        int h = (int) Math.round(img.getHeight() * f);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
