package org.exhibit.similarity;

/**
 * The decision thresholds of the similarity analyzer, in one place: the findings apply them and the benchmark
 * measures their error rates ({@code exhibit bench similarity}).
 */
public final class Thresholds {

    /** PDQ: Meta's recommended match distance (of 256 bits). */
    public static final int PDQ = Pdq.MATCH_DISTANCE;
    /** aHash/dHash/pHash/wHash: match at Hamming distance ≤ 10 of 64 bits (the usual imagehash convention). */
    public static final int IMAGEHASH = 10;
    /** SSIM over the aligned overlap. */
    public static final double SSIM = 0.65;
    /** MS-SSIM over the aligned overlap. */
    public static final double MS_SSIM = 0.6;
    /** Colour histogram Hellinger distance over corresponding pixels. */
    public static final double HISTOGRAM = 0.4;

    private Thresholds() {
    }
}
