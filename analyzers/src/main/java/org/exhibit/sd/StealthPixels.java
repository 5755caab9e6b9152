package org.exhibit.sd;

import org.exhibit.io.BoundedInflater;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * "Stealth pnginfo": metadata hidden in pixel least-significant bits, as NovelAI writes it (alpha) and as the
 * sd-webui-stealth-pnginfo extension writes it (alpha or RGB). Pixels are read column by column (x outer, y
 * inner); in alpha mode each pixel gives its alpha LSB, in RGB mode the LSBs of R, G and B. The stream is a
 * 15-byte magic ("stealth_pnginfo"/"stealth_pngcomp" for alpha, "stealth_rgbinfo"/"stealth_rgbcomp" for RGB),
 * a 32-bit big-endian payload length in bits, then the payload (gzip when the magic ends in "comp").
 */
final class StealthPixels {

    private StealthPixels() {
    }

    /** The hidden text, or null when no magic is found. Adds an anomaly when a found payload is unreadable. */
    static TextEntry read(BufferedImage image, long maxBytes, List<Anomaly> anomalies) {
        WritableRaster r = image.getRaster();
        boolean alpha = image.getColorModel().hasAlpha() && r.getNumBands() == 4;
        if (alpha) {
            TextEntry t = read(r, true, maxBytes, anomalies);
            if (t != null) {
                return t;
            }
        }
        return r.getNumBands() >= 3 ? read(r, false, maxBytes, anomalies) : null;
    }

    private static TextEntry read(WritableRaster r, boolean alpha, long maxBytes, List<Anomaly> anomalies) {
        Bits bits = new Bits(r, alpha);
        byte[] magic = bits.bytes(15);
        if (magic == null) {
            return null;
        }
        String sig = new String(magic, StandardCharsets.ISO_8859_1);
        String expected = alpha ? "stealth_png" : "stealth_rgb";
        if (!sig.equals(expected + "info") && !sig.equals(expected + "comp")) {
            return null;
        }
        boolean compressed = sig.endsWith("comp");
        long lengthBits = bits.u32();
        String carrier = (alpha ? "alpha" : "RGB") + " LSB (" + sig + ")";
        long available = bits.remaining();
        if (lengthBits < 0 || lengthBits > available || lengthBits / 8 > maxBytes) {
            anomalies.add(new Anomaly("sd.stealth-malformed", "The " + carrier + " payload claims " + lengthBits
                    + " bits but the image holds " + Math.max(available, 0) + " more.", carrier, -1, 0));
            return null;
        }
        byte[] payload = bits.bytes((int) (lengthBits / 8));
        long pixels = bits.pixelsUsed();
        try {
            byte[] body = compressed ? BoundedInflater.gzip(payload, maxBytes) : payload;
            String text = new String(body, StandardCharsets.UTF_8);
            return new TextEntry("stealth", text, new Source(carrier, null, -1, pixels, null, null));
        } catch (IOException e) {
            anomalies.add(new Anomaly("sd.stealth-malformed", "The " + carrier + " payload of " + payload.length
                    + " bytes could not be decompressed: " + e.getMessage() + ".", carrier, -1, 0));
            return null;
        }
    }

    /** Column-major LSB stream. */
    private static final class Bits {
        private final WritableRaster r;
        private final boolean alpha;
        private final int w;
        private final int h;
        private final int perPixel;
        private long index; // bit index
        private final int[] px = new int[4];

        Bits(WritableRaster r, boolean alpha) {
            this.r = r;
            this.alpha = alpha;
            this.w = r.getWidth();
            this.h = r.getHeight();
            this.perPixel = alpha ? 1 : 3;
        }

        long remaining() {
            return (long) w * h * perPixel - index;
        }

        long pixelsUsed() {
            return (index + perPixel - 1) / perPixel;
        }

        int bit() {
            long pixel = index / perPixel;
            int channel = (int) (index % perPixel);
            index++;
            int x = (int) (pixel / h);
            int y = (int) (pixel % h);
            r.getPixel(x, y, px);
            return (alpha ? px[3] : px[channel]) & 1;
        }

        byte[] bytes(int n) {
            if (remaining() < 8L * n) {
                return null;
            }
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                int v = 0;
                for (int j = 0; j < 8; j++) {
                    v = v << 1 | bit();
                }
                out[i] = (byte) v;
            }
            return out;
        }

        long u32() {
            if (remaining() < 32) {
                return -1;
            }
            long v = 0;
            for (int j = 0; j < 32; j++) {
                v = v << 1 | bit();
            }
            return v;
        }
    }
}
