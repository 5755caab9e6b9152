/**
 * Image similarity: how alike an accused image is to an original, where, and how sure.
 *
 * <h2>Public API for other analyzers (stable)</h2>
 * <pre>{@code
 * Alignment a = Aligner.align(originalImage, accusedImage);      // BufferedImage or Gray, full resolution
 * if (a.trustworthy()) {                                           // quality GOOD: many inliers, sane geometry
 *     Homography h = a.accusedToOriginal();                        // 3×3, accused pixel → original pixel
 *     double[] p = h.map(x, y);                                    // pixel centres at integer coordinates
 *     BufferedImage onOriginal = Warp.ontoOriginal(accusedImage, h, origW, origH); // alpha 0 where uncovered
 *     AlignedPair pair = AlignedPair.of(Gray.of(originalImage), Gray.of(accusedImage), h, AlignedPair.GRID_SIDE);
 *     double ssim = pair.ssim().mean();                            // SSIM over the covered part, 512-px grid
 * }
 * a.inliers(); a.inlierRatio(); a.quality(); a.mirrored(); a.regionInOriginal();
 * }</pre>
 * <ul>
 *   <li>{@link org.exhibit.similarity.Aligner}: SURF keypoints (BoofCV), ratio test, mutual best match,
 *       RANSAC homography (fixed seed), refit by total least squares; mirror images handled.</li>
 *   <li>{@link org.exhibit.similarity.Alignment}: the result — homography accused→original (or null), keypoint,
 *       match and inlier counts, inlier ratio, {@code quality} GOOD / WEAK / NONE, the inlier pairs.</li>
 *   <li>{@link org.exhibit.similarity.Warp}: the accused resampled onto the original's grid (bilinear).</li>
 *   <li>{@link org.exhibit.similarity.Ssim}: SSIM and MS-SSIM, NaN-aware (uncovered pixels left out).</li>
 *   <li>{@link org.exhibit.similarity.Gray}: BT.601 luma float image, area-average downscaling.</li>
 * </ul>
 * Inputs are never modified. Everything is deterministic: the same pixels give the same numbers.
 * Work is bounded for any input size: keypoints at most {@value org.exhibit.similarity.Aligner#WORK_SIDE} px
 * on the longer side, SSIM on a grid of at most {@value org.exhibit.similarity.AlignedPair#GRID_SIDE} px.
 */
package org.exhibit.similarity;
