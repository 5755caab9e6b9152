package org.exhibit.similarity;

/** The combined decision: is the accused (or a part of it) a copy of the original? */
final class Conclusion {

    private Conclusion() {
    }

    /**
     * A copy when the keypoints give a trustworthy alignment and the aligned pixels agree (SSIM), or when the
     * whole images are PDQ near-duplicates (which survives edits that starve the keypoints, e.g. strong blur).
     */
    static boolean isCopy(Comparison c) {
        boolean local = c.alignment().trustworthy() && c.ssim() >= Thresholds.SSIM;
        return local || c.pdqDistance() <= Thresholds.PDQ;
    }
}
