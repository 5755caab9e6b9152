package org.exhibit.similarity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Expected hashes come from imagehash 4.3.2's functions (transcribed from its source) run on Pillow 9.4,
 * numpy 1.24, scipy 1.10 and PyWavelets 1.1 (Debian bookworm) over the same integer-formula images.
 */
class ImageHashesTest {

    static BufferedImage formula(int w, int h, int kind) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r, g, b;
                if (kind == 1) {
                    r = (x * y + 3 * x) % 256;
                    g = (x * x + 7 * y) % 256;
                    b = (5 * (x + y)) % 256;
                } else if (kind == 2) {
                    r = (((x - 120) * (x - 120) + (y - 80) * (y - 80)) / 64) % 256;
                    g = (2 * x + y) % 256;
                    b = (x * y / 50) % 256;
                } else {
                    r = ((x / 8 + y / 8) % 2) * 200 + (x * 3) % 40;
                    g = r;
                    b = (r + y) % 256;
                }
                img.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return img;
    }

    /** Pillow's resize((ow, oh), LANCZOS) of convert('L'): sum of pixels and Σ pixel·index mod 1000003. */
    @ParameterizedTest
    @CsvSource({"97, 83, 1, 32, 32, 129212, 410205", "300, 200, 2, 37, 23, 102992, 733058",
            "64, 64, 3, 128, 100, 1497497, 551055"})
    void resizeEqualsPillowLanczos(int w, int h, int kind, int ow, int oh, long sum, long weighted) {
        int[] out = ImageHashes.lanczos(ImageHashes.luminance(formula(w, h, kind)), w, h, ow, oh);
        long s = 0, ws = 0;
        for (int i = 0; i < out.length; i++) {
            s += out[i];
            ws = (ws + (long) out[i] * i) % 1000003;
        }
        assertEquals(sum, s);
        assertEquals(weighted, ws);
    }

    @ParameterizedTest
    @CsvSource({
            "97, 83, 1, 7366cc1819b3e64e, e68e1cb9b3674e94, 800e040f08fffedf, 73a6cc4839b3e64a",
            "300, 200, 2, 26644ccdcdc9dbbb, cccddd9999333376, ba1287f847684dda, 266445c5c9c9d9bb",
            "64, 64, 3, 55aa55aa55aa55aa, a55aa55aa55aa55a, 80aa7aaafeaaaa8a, 55aa55aa55aa55aa"})
    void equalImagehashBitForBit(int w, int h, int kind, String a, String d, String p, String wh) {
        ImageHashes.Hashes hashes = ImageHashes.of(formula(w, h, kind));
        assertEquals(a, ImageHashes.Hashes.hex(hashes.aHash()), "aHash");
        assertEquals(d, ImageHashes.Hashes.hex(hashes.dHash()), "dHash");
        assertEquals(p, ImageHashes.Hashes.hex(hashes.pHash()), "pHash");
        assertEquals(wh, ImageHashes.Hashes.hex(hashes.wHash()), "wHash");
    }
}
