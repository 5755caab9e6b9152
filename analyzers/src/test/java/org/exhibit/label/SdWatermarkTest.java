package org.exhibit.label;

import org.exhibit.evidence.Hashing;
import org.exhibit.fixtures.Pictures;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The port against the Python library. Reference values were computed once with invisible-watermark's EmbedMaxDct
 * (transcribed), OpenCV 4.6 and PyWavelets 1.1 (Debian) on the same synthetic image; OpenCvYuv was also checked
 * against cv2.cvtColor for all 2^24 colours in both directions.
 */
class SdWatermarkTest {

    /** The reference image: 322×290 (not a multiple of 4, so the crop is exercised), channels from integer formulas. */
    static BufferedImage reference() {
        int w = 322;
        int h = 290;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = (x * 3 + y * 5 + (x * y % 17) * 4) % 256;
                int g = ((x * 7) ^ (y * 3)) % 256;
                int b = ((x + y) * 2 + (x * x) % 31) % 256;
                img.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return img;
    }

    static String rgbSha(BufferedImage img) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                o.write(p >> 16);
                o.write(p >> 8);
                o.write(p);
            }
        }
        return Hashing.sha256Hex(o.toByteArray());
    }

    static String bits(int[] b) {
        StringBuilder s = new StringBuilder();
        for (int v : b) {
            s.append(v);
        }
        return s.toString();
    }

    @Test
    void messagesAreTheGeneratorsOwn() {
        assertEquals("101100111110110010010000011110111011000110011110", bits(SdWatermark.SDXL));
        assertEquals(136, SdWatermark.SD1.length);
        assertEquals("01010011", bits(SdWatermark.SD1).substring(0, 8)); // 'S'
    }

    @Test
    void decoderGivesTheLibrarysBits() {
        BufferedImage img = reference();
        assertEquals("4eb094e502ce65dfc92000ec57d34a90ef2535c6f0c417a13b69446c50b753f7", rgbSha(img));
        assertEquals("000011101111011111110011001011000000110000011101", bits(SdWatermark.decode(img, 48)));
        assertEquals("1110111100010111000110111110011110111000011001101000111001011010111011100000100010101010101110010011"
                + "011010101110010110011101011101011001", bits(SdWatermark.decode(img, 136)));
    }

    @Test
    void encoderGivesTheLibrarysPixels() {
        BufferedImage xl = SdWatermark.encode(reference(), SdWatermark.SDXL);
        assertEquals("7e7d4a27fab03f69b663998480b36854275ea5145f7a71d3ddaeb3f3793b42c4", rgbSha(xl));
        // the library itself recovers 47 of 48 bits from its own output on this image
        assertEquals("101100111110111010010000011110111011000110011110", bits(SdWatermark.decode(xl, 48)));
        BufferedImage sd1 = SdWatermark.encode(reference(), SdWatermark.SD1);
        assertEquals("ca61d105a0fdaf3a9473ce1e4a3df2d92c171f2a422bf9de8002d1eeddfc9a16", rgbSha(sd1));
    }

    @Test
    void watermarkedSceneIsDetectedAndCleanSceneIsNot() {
        BufferedImage clean = Pictures.scene(512, 512, 11);
        BufferedImage marked = SdWatermark.encode(clean, SdWatermark.SDXL);
        assertTrue(SdWatermark.matches(marked, SdWatermark.SDXL) > 35, "SDXL mark found");
        assertTrue(SdWatermark.matches(clean, SdWatermark.SDXL) <= 33, "clean image not flagged");
        BufferedImage marked1 = SdWatermark.encode(clean, SdWatermark.SD1);
        assertTrue(SdWatermark.matches(marked1, SdWatermark.SD1) > WatermarkFindings.bands(136)[2]);
        assertTrue(SdWatermark.matches(clean, SdWatermark.SD1) <= WatermarkFindings.bands(136)[1]);
    }
}
