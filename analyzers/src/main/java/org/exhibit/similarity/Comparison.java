package org.exhibit.similarity;

import java.awt.image.BufferedImage;

/**
 * Every measurement the similarity analyzer makes on one pair, computed once; the analyzer turns it into
 * findings and the benchmark into scores. Inputs are read, never modified.
 *
 * @param pdqOriginal      PDQ of the original (with its dihedral variants and quality)
 * @param pdqAccused       PDQ of the accused
 * @param pdqDistance      smallest Hamming distance from the accused's PDQ to any dihedral variant of the original's
 * @param pdqVariant       which variant gave it
 * @param hashesOriginal   imagehash-compatible aHash/dHash/pHash/wHash of the original
 * @param hashesAccused    the same for the accused
 * @param alignment        keypoint alignment of the accused onto the original
 * @param pair             both images on the common analysis grid (through the alignment when it is GOOD,
 *                         else through a plain rescale of the whole accused onto the whole original)
 * @param ssim             SSIM on {@code pair} (NaN when nothing overlaps)
 * @param msSsim           MS-SSIM on {@code pair} (NaN when the overlap is too small for five scales)
 * @param histogramDistance Hellinger distance of 8×8×8 RGB histograms over the corresponding pixels, 0..1
 */
public record Comparison(Pdq.Result pdqOriginal, Pdq.Result pdqAccused, int pdqDistance, Pdq.Dihedral pdqVariant,
                         ImageHashes.Hashes hashesOriginal, ImageHashes.Hashes hashesAccused, Alignment alignment,
                         AlignedPair pair, double ssim, double msSsim, double histogramDistance) {

    public static Comparison of(BufferedImage original, BufferedImage accused) {
        return of(original, accused, new long[STAGES]);
    }

    /** Stages timed by {@link #of(BufferedImage, BufferedImage, long[])}: PDQ, imagehash, keypoints, SSIM, histogram. */
    static final int STAGES = 5;

    /** As {@link #of(BufferedImage, BufferedImage)}, adding each stage's CPU time (this thread) in nanoseconds to {@code nanos}. */
    static Comparison of(BufferedImage original, BufferedImage accused, long[] nanos) {
        long t = cpu();
        Gray go = Gray.of(original), ga = Gray.of(accused);
        Pdq.Result po = Pdq.hash(go), pa = Pdq.hash(ga);
        int[] best = Pdq.bestDihedralDistance(po, pa.hash());
        t = lap(nanos, 0, t);
        ImageHashes.Hashes ho = ImageHashes.of(original), ha = ImageHashes.of(accused);
        t = lap(nanos, 1, t);
        Alignment alignment = Aligner.align(go, ga);
        t = lap(nanos, 2, t);
        Homography h = alignment.trustworthy() ? alignment.accusedToOriginal() : stretch(original, accused);
        AlignedPair pair = AlignedPair.of(go, ga, h, AlignedPair.GRID_SIDE);
        Ssim.Result s = pair.ssim();
        double ms = pair.msSsim();
        t = lap(nanos, 3, t);
        double hist = ColourHistogram.distance(original, accused, h, pair);
        lap(nanos, 4, t);
        return new Comparison(po, pa, best[0], Pdq.Dihedral.values()[best[1]], ho, ha, alignment, pair, s.mean(),
                ms, hist);
    }

    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long lap(long[] nanos, int stage, long since) {
        long now = cpu();
        nanos[stage] += now - since;
        return now;
    }

    /** Whole accused onto whole original, each axis scaled independently (a plain resize). */
    static Homography stretch(BufferedImage original, BufferedImage accused) {
        double sx = (double) original.getWidth() / accused.getWidth();
        double sy = (double) original.getHeight() / accused.getHeight();
        return Homography.scaleTranslate(sx, sy, 0.5 * sx - 0.5, 0.5 * sy - 0.5);
    }

    /** Hamming distances of the four imagehash hashes, in the order aHash, dHash, pHash, wHash. */
    public int[] imageHashDistances() {
        ImageHashes.Hashes o = hashesOriginal, a = hashesAccused;
        return new int[]{ImageHashes.distance(o.aHash(), a.aHash()), ImageHashes.distance(o.dHash(), a.dHash()),
                ImageHashes.distance(o.pHash(), a.pHash()), ImageHashes.distance(o.wHash(), a.wHash())};
    }
}
