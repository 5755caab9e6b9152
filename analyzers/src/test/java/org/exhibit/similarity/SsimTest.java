package org.exhibit.similarity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SsimTest {

    /** a(i,j) = (3i² + 5j + ij) mod 251, b = a + ((31i + 17j) mod 23) − 11, clipped to 0..255; i = row, j = column. */
    static Gray[] pair(int w, int h) {
        float[] a = new float[w * h], b = new float[w * h];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                int v = (3 * i * i + 5 * j + i * j) % 251;
                a[i * w + j] = v;
                b[i * w + j] = Math.max(0, Math.min(255, v + (31 * i + 17 * j) % 23 - 11));
            }
        }
        return new Gray[]{new Gray(w, h, a), new Gray(w, h, b)};
    }

    @Test
    void equalsScikitImageOnTheInterior() {
        Gray[] p = pair(64, 48);
        // skimage.metrics.structural_similarity(a, b, gaussian_weights=True, sigma=1.5,
        //   use_sample_covariance=False, data_range=255), mean over the map cropped by 5 px on each side
        assertEquals(SKIMAGE_SSIM, Ssim.compute(p[0], p[1]).mean(), 1e-6);
    }

    @Test
    void identicalImagesScoreOneAndUncoveredPixelsAreLeftOut() {
        Gray[] p = pair(64, 48);
        assertEquals(1.0, Ssim.compute(p[0], p[0]).mean(), 1e-12);
        Gray flat = new Gray(256, 256, new float[256 * 256]);
        assertEquals(1.0, Ssim.msSsim(flat, flat), 1e-12);
        float[] holes = p[1].data.clone();
        for (int i = 0; i < 64 * 10; i++) {
            holes[i] = Float.NaN; // top ten rows uncovered
        }
        Ssim.Result r = Ssim.compute(p[0], new Gray(64, 48, holes));
        assertEquals((64 - 10) * (48 - 10 - 10), r.windows());
        assertTrue(r.mean() < 1);
    }

    static final double SKIMAGE_SSIM = 0.9957517620922827; // scikit-image 0.19.3
}
