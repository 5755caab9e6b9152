package org.exhibit.similarity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.exhibit.evidence.Region;

import java.util.List;

/**
 * How the accused image lies on the original, found from keypoint correspondences (see {@link Aligner}).
 *
 * <p>{@link #accusedToOriginal()} maps a pixel of the accused image (full resolution, origin top-left, pixel
 * centres at integer coordinates) to the original's pixel grid; it is null when no consistent transform was
 * found. It includes a mirror when {@link #mirrored()} is true. Use it only when {@link #trustworthy()}: a
 * {@link Quality#WEAK} alignment rests on few inliers and may be a coincidence.
 *
 * @param accusedToOriginal homography accused → original, or null when none was found
 * @param originalWidth     original width in pixels
 * @param originalHeight    original height in pixels
 * @param accusedWidth      accused width in pixels
 * @param accusedHeight     accused height in pixels
 * @param originalKeypoints keypoints detected in the original (at the working scale)
 * @param accusedKeypoints  keypoints detected in the accused (at the working scale)
 * @param matches           putative matches that passed the ratio test and the mutual-best check
 * @param inliers           matches consistent with the homography (RANSAC, 3 px at the working scale)
 * @param inlierRatio       inliers / matches (0 when there are no matches)
 * @param mirrored          whether the accused is a mirror image of the original (the homography includes it)
 * @param quality           {@link Quality#GOOD}, {@link Quality#WEAK} or {@link Quality#NONE}
 * @param inlierPairs       the inlier correspondences, full-resolution coordinates (for figures)
 */
@JsonPropertyOrder({"quality", "inliers", "matches", "inlierRatio", "mirrored", "accusedToOriginal"})
public record Alignment(Homography accusedToOriginal, int originalWidth, int originalHeight, int accusedWidth,
                        int accusedHeight, int originalKeypoints, int accusedKeypoints, int matches, int inliers,
                        double inlierRatio, boolean mirrored, Quality quality, @JsonIgnore List<Pair> inlierPairs) {

    /** How far an alignment can be relied on. */
    public enum Quality {
        /** Many inliers, a sane geometry: the accused (or a part of it) is a transformed copy of the original. */
        GOOD,
        /** A transform was found but on few inliers or a doubtful geometry: do not rely on it alone. */
        WEAK,
        /** No consistent transform. */
        NONE
    }

    /**
     * {@link Quality#GOOD} needs at least this many inliers at an inlier ratio of at least {@link #GOOD_RATIO}, or
     * {@link #FEW_INLIERS} at a ratio of at least {@link #CLEAN_RATIO} (small copies have few keypoints but clean
     * matches). Set on a pilot run of the similarity benchmark: different pictures drawn from one template (two
     * portraits of one figure) reached 27 inliers at a ratio of 0.27; edited copies had 62 or more.
     */
    public static final int GOOD_INLIERS = 40;
    /** Inlier ratio needed with {@link #GOOD_INLIERS}. */
    public static final double GOOD_RATIO = 0.2;
    /** Inliers enough for {@link Quality#GOOD} when the matches are clean ({@link #CLEAN_RATIO}). */
    public static final int FEW_INLIERS = 15;
    /** Inlier ratio that makes {@link #FEW_INLIERS} enough. */
    public static final double CLEAN_RATIO = 0.5;
    /** Inliers needed for {@link Quality#WEAK}. */
    public static final int WEAK_INLIERS = 8;

    /** One corresponding point pair, full-resolution pixel coordinates. */
    public record Pair(double originalX, double originalY, double accusedX, double accusedY) {
    }

    public Alignment {
        inlierPairs = inlierPairs == null ? List.of() : List.copyOf(inlierPairs);
    }

    /** True when the homography can be relied on (quality GOOD). */
    public boolean trustworthy() {
        return quality == Quality.GOOD;
    }

    /** The accused image's four corners mapped into the original (x0,y0, x1,y1, x2,y2, x3,y3 clockwise from top-left), or null. */
    public double[] footprintInOriginal() {
        if (accusedToOriginal == null) {
            return null;
        }
        double[] c = {0, 0, accusedWidth - 1, 0, accusedWidth - 1, accusedHeight - 1, 0, accusedHeight - 1};
        double[] out = new double[8];
        for (int i = 0; i < 4; i++) {
            double[] p = accusedToOriginal.map(c[2 * i], c[2 * i + 1]);
            out[2 * i] = p[0];
            out[2 * i + 1] = p[1];
        }
        return out;
    }

    /** Bounding box of the accused's footprint in the original, clipped to the original; null when there is none. */
    public Region regionInOriginal() {
        double[] f = footprintInOriginal();
        if (f == null) {
            return null;
        }
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            x0 = Math.min(x0, f[2 * i]);
            x1 = Math.max(x1, f[2 * i]);
            y0 = Math.min(y0, f[2 * i + 1]);
            y1 = Math.max(y1, f[2 * i + 1]);
        }
        int ix0 = (int) Math.max(0, Math.floor(x0)), iy0 = (int) Math.max(0, Math.floor(y0));
        int ix1 = (int) Math.min(originalWidth - 1, Math.ceil(x1)), iy1 = (int) Math.min(originalHeight - 1, Math.ceil(y1));
        if (ix1 < ix0 || iy1 < iy0) {
            return null;
        }
        return new Region(ix0, iy0, ix1 - ix0 + 1, iy1 - iy0 + 1);
    }
}
