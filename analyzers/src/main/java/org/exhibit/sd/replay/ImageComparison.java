package org.exhibit.sd.replay;

import org.exhibit.similarity.Gray;
import org.exhibit.similarity.Pdq;
import org.exhibit.similarity.Ssim;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * How far a rendered image is from another: per-pixel RGB difference, SSIM on luma and PDQ Hamming distance (both
 * from the similarity analyzer). A different size is scaled to the first image's size before comparing, and said.
 *
 * @param sameSize          whether the two had the same pixel size
 * @param identicalFraction share of pixels equal in all three channels
 * @param meanAbsDifference mean |difference| over RGB channels, 0-255
 * @param maxAbsDifference  largest |difference| in any channel
 * @param ssim              mean SSIM of the luma images
 * @param pdqDistance       Hamming distance of the PDQ hashes, 0-256
 */
public record ImageComparison(boolean sameSize, double identicalFraction, double meanAbsDifference,
                              int maxAbsDifference, double ssim, int pdqDistance) {

    public static ImageComparison of(BufferedImage a, BufferedImage b) {
        boolean same = a.getWidth() == b.getWidth() && a.getHeight() == b.getHeight();
        BufferedImage bb = same ? b : scale(b, a.getWidth(), a.getHeight());
        int w = a.getWidth();
        int h = a.getHeight();
        long identical = 0;
        long sum = 0;
        int max = 0;
        int[] ra = new int[w];
        int[] rb = new int[w];
        for (int y = 0; y < h; y++) {
            a.getRGB(0, y, w, 1, ra, 0, w);
            bb.getRGB(0, y, w, 1, rb, 0, w);
            for (int x = 0; x < w; x++) {
                int pa = ra[x];
                int pb = rb[x];
                if ((pa & 0xffffff) == (pb & 0xffffff)) {
                    identical++;
                    continue;
                }
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = Math.abs(((pa >> shift) & 255) - ((pb >> shift) & 255));
                    sum += d;
                    max = Math.max(max, d);
                }
            }
        }
        Gray ga = Gray.of(a);
        Gray gb = Gray.of(bb);
        double ssim = Ssim.compute(ga, gb).mean();
        int pdq = Pdq.hash(ga).hash().distance(Pdq.hash(gb).hash());
        long n = (long) w * h;
        return new ImageComparison(same, (double) identical / n, sum / (3.0 * n), max, ssim, pdq);
    }

    public boolean pixelIdentical() {
        return sameSize && identicalFraction == 1.0;
    }

    static BufferedImage scale(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
