package org.exhibit.similarity;

import org.exhibit.evidence.Region;
import org.exhibit.fixtures.Scenes;
import org.exhibit.fixtures.Transforms;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlignerTest {

    private static final BufferedImage ORIGINAL = Scenes.draw(1200, 900, 7);

    /** Maps accused (x, y) and checks it lands within {@code tol} px of (ex, ey) in the original. */
    private static void assertMaps(Alignment a, double x, double y, double ex, double ey, double tol) {
        double[] p = a.accusedToOriginal().map(x, y);
        assertEquals(ex, p[0], tol, "x of (" + x + "," + y + ")");
        assertEquals(ey, p[1], tol, "y of (" + x + "," + y + ")");
    }

    @Test
    void findsA40PercentCropAndItsRegion() {
        BufferedImage crop = Transforms.crop(ORIGINAL, 300, 200, 759, 569); // 40 % of the area
        Alignment a = Aligner.align(ORIGINAL, crop);
        assertTrue(a.trustworthy(), a.toString());
        assertFalse(a.mirrored());
        assertMaps(a, 0, 0, 300, 200, 1.5);
        assertMaps(a, 758, 568, 1058, 768, 1.5);
        Region r = a.regionInOriginal();
        assertEquals(300, r.x(), 2);
        assertEquals(200, r.y(), 2);
        assertEquals(759, r.width(), 3);
        assertEquals(569, r.height(), 3);
    }

    @Test
    void findsAScaledAndRotatedCopy() {
        BufferedImage small = Transforms.resize(ORIGINAL, 600, 450);
        Alignment a = Aligner.align(ORIGINAL, small);
        assertTrue(a.trustworthy(), a.toString());
        assertMaps(a, 299.5, 224.5, 599.5, 449.5, 1.5); // centre maps to centre
        assertMaps(a, 100, 100, 200.5, 200.5, 1.5);

        BufferedImage turned = Transforms.rotate(ORIGINAL, 90);
        Alignment q = Aligner.align(ORIGINAL, turned);
        assertTrue(q.trustworthy(), q.toString());
        // 90° clockwise: original (x, y) lands at (H-1-y, x) in the turned image
        assertMaps(q, 899 - 100, 300, 300, 100, 2.0);
    }

    @Test
    void findsAMirroredCopy() {
        Alignment a = Aligner.align(ORIGINAL, Transforms.flipHorizontal(ORIGINAL));
        assertTrue(a.trustworthy(), a.toString());
        assertTrue(a.mirrored());
        assertMaps(a, 1199 - 250, 400, 250, 400, 1.5);
    }

    @Test
    void findsNothingBetweenUnrelatedPictures() {
        Alignment a = Aligner.align(ORIGINAL, Scenes.draw(1000, 800, 99));
        assertFalse(a.trustworthy(), a.toString());
    }

    @Test
    void warpsTheCropBackOntoTheOriginalGrid() {
        BufferedImage crop = Transforms.crop(ORIGINAL, 300, 200, 759, 569);
        Alignment a = Aligner.align(ORIGINAL, crop);
        BufferedImage w = Warp.ontoOriginal(crop, a.accusedToOriginal(), 1200, 900);
        assertEquals(0, w.getRGB(10, 10) >>> 24, "outside the crop is transparent");
        double diff = 0;
        int n = 0;
        for (int y = 250; y < 700; y += 7) {
            for (int x = 350; x < 1000; x += 7, n++) {
                int p = w.getRGB(x, y), o = ORIGINAL.getRGB(x, y);
                diff += Math.abs(((p >> 8) & 255) - ((o >> 8) & 255));
            }
        }
        assertTrue(diff / n < 6, "warped crop matches the original, mean green difference " + diff / n);
        AlignedPair pair = AlignedPair.of(Gray.of(ORIGINAL), Gray.of(crop), a.accusedToOriginal(), 512);
        double ssim = pair.ssim().mean();
        assertTrue(ssim > 0.9, "SSIM after alignment " + ssim);
        assertNotNull(pair.ssim().map());
    }
}
