package org.exhibit.similarity;

/**
 * The original and the accused on one common analysis grid: the original downscaled (area average) so its
 * longer side is at most {@code side}, and the accused, pre-shrunk to about the same pixel size, warped onto
 * it through the alignment. SSIM, MS-SSIM, the difference heatmap and the itemised regions are computed here.
 *
 * @param original       original luma on the grid
 * @param accused        accused luma warped onto the grid (NaN where it does not cover)
 * @param originalToGrid maps original full-resolution pixels to grid pixels
 */
public record AlignedPair(Gray original, Gray accused, Homography originalToGrid) {

    /** Longer side of the analysis grid used by the similarity analyzer. */
    public static final int GRID_SIDE = 512;

    public static AlignedPair of(Gray original, Gray accused, Homography accusedToOriginal, int side) {
        Gray o = original.downscaleTo(side);
        double g = (double) o.width / original.width;
        Homography originalToGrid = Homography.pixelScale(g);
        Homography accusedToGrid = originalToGrid.after(accusedToOriginal);
        // how many accused pixels fall on one grid pixel: shrink the accused first so the warp does not alias
        double local = Math.sqrt(Math.abs(accusedToGrid.get(0, 0) * accusedToGrid.get(1, 1)
                - accusedToGrid.get(0, 1) * accusedToGrid.get(1, 0)));
        Gray a = accused;
        if (local > 0 && local < 0.8) {
            int w = Math.max(8, (int) Math.round(accused.width * local));
            int h = Math.max(8, (int) Math.round(accused.height * local));
            a = accused.resizeArea(w, h);
            accusedToGrid = accusedToGrid.after(Homography.scaleTranslate((double) accused.width / w,
                    (double) accused.height / h, 0.5 * accused.width / w - 0.5, 0.5 * accused.height / h - 0.5));
        }
        return new AlignedPair(o, Warp.ontoGrid(a, accusedToGrid, o.width, o.height), originalToGrid);
    }

    public Ssim.Result ssim() {
        return Ssim.compute(original, accused);
    }

    public double msSsim() {
        return Ssim.msSsim(original, accused);
    }
}
