package org.exhibit.similarity;

import org.exhibit.fixtures.Scenes;
import org.exhibit.fixtures.Transforms;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdqTest {

    /**
     * Meta's published vector: ThreatExchange python-threatexchange/threatexchange/tests/hashing/test_pdq_hasher.py,
     * RANDOM_IMAGE_BASE64 (a 26×28 RGBA PNG, decoded into the resource) hashes to RANDOM_IMAGE_PDQ.
     */
    @Test
    void equalsMetasPublishedHashBitForBit() throws IOException {
        BufferedImage img;
        try (InputStream in = PdqTest.class.getResourceAsStream("pdq-random-26x28.png")) {
            img = ImageIO.read(in);
        }
        Pdq.Result r = Pdq.hash(Gray.of(img));
        assertEquals("ad64cd9875e131a177b1f2a0d6b38ae1de9ea80421e4c51dde1b0363deba3466", r.hash().hex());
        assertEquals(r.hash(), Hash256.fromHex(r.hash().hex()));
    }

    @Test
    void dihedralVariantsMatchTheTransformedImages() {
        BufferedImage src = Scenes.draw(640, 480, 3);
        Pdq.Result r = Pdq.hash(Gray.of(src));
        assertTrue(r.quality() >= Pdq.MIN_QUALITY, "quality " + r.quality());
        BufferedImage clockwise = Transforms.rotate(src, 90);
        assertNear(r.variant(Pdq.Dihedral.FLIP_Y), Transforms.flipHorizontal(src));
        assertNear(r.variant(Pdq.Dihedral.ROTATE_270), clockwise);
        assertNear(r.variant(Pdq.Dihedral.ROTATE_180), Transforms.rotate(clockwise, 90));
        assertNear(r.variant(Pdq.Dihedral.FLIP_PLUS_1), Transforms.flipHorizontal(clockwise));
        int[] best = Pdq.bestDihedralDistance(r, Pdq.hash(Gray.of(clockwise)).hash());
        assertEquals(Pdq.Dihedral.ROTATE_270.ordinal(), best[1]);
    }

    @Test
    void unrelatedPicturesAreFarApartAndAJpegCopyIsClose() {
        BufferedImage a = Scenes.draw(512, 512, 11);
        Hash256 ha = Pdq.hash(Gray.of(a)).hash();
        int far = ha.distance(Pdq.hash(Gray.of(Scenes.draw(512, 512, 12))).hash());
        int near = ha.distance(Pdq.hash(Gray.of(Transforms.jpeg(a, 40))).hash());
        assertTrue(far > Pdq.MATCH_DISTANCE, "unrelated distance " + far);
        assertTrue(near <= Pdq.MATCH_DISTANCE, "JPEG q40 distance " + near);
    }

    private static void assertNear(Hash256 expected, BufferedImage transformed) {
        int d = expected.distance(Pdq.hash(Gray.of(transformed)).hash());
        assertTrue(d <= 24, "dihedral variant differs from the transformed image's hash by " + d + " bits");
    }
}
