package org.exhibit.io.container;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes EXIF UserComment (tag 0x9286): an 8-byte character code, then the text. For "UNICODE\0" the byte order
 * varies by writer (A1111 and Forge: UTF-16BE; SwarmUI: UTF-16LE; Civitai: BE inside an "II" file), so it is
 * detected from the bytes rather than assumed. metadata-extractor's own description decodes UTF-16LE after
 * skipping zero bytes, which loses the last character of big-endian text; this decoder does not.
 */
public final class UserComment {

    private UserComment() {
    }

    public static String decode(byte[] raw) {
        if (raw.length < 8) {
            return new String(raw, StandardCharsets.US_ASCII).strip();
        }
        String code = new String(raw, 0, 8, StandardCharsets.US_ASCII);
        byte[] body = Arrays.copyOfRange(raw, 8, raw.length);
        if (code.startsWith("UNICODE")) {
            return trimNul(new String(body, unicodeOrder(body)));
        }
        if (code.startsWith("ASCII") || code.startsWith("\0\0\0\0\0\0\0\0")) {
            // "ASCII" is the standard's word; generators put UTF-8 there too, which ASCII text decodes the same as
            return trimNul(new String(body, StandardCharsets.UTF_8));
        }
        if (code.startsWith("JIS")) {
            return trimNul(new String(body, Charset.forName("Shift_JIS")));
        }
        return trimNul(new String(raw, StandardCharsets.UTF_8)); // no character code: keep everything
    }

    /** Big-endian when zero bytes sit at even offsets (ASCII-range UTF-16BE), little-endian when at odd ones. */
    public static Charset unicodeOrder(byte[] body) {
        if (body.length >= 2 && (body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16; // BOM decides
        }
        if (body.length >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i + 1 < body.length; i += 2) {
            evenZeros += body[i] == 0 ? 1 : 0;
            oddZeros += body[i + 1] == 0 ? 1 : 0;
        }
        return oddZeros > evenZeros ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
    }

    /**
     * How the text after the 8-byte character code is stored, so offsets into it can be computed: "UTF-16BE" or
     * "UTF-16LE" for UNICODE (as detected; null when a BOM decides), "UTF-8" for ASCII and undefined codes, null
     * otherwise.
     */
    public static String encoding(byte[] raw) {
        String code = raw.length >= 8 ? new String(raw, 0, 8, StandardCharsets.US_ASCII) : "";
        if (code.startsWith("UNICODE")) {
            Charset cs = unicodeOrder(Arrays.copyOfRange(raw, 8, raw.length));
            return cs.equals(StandardCharsets.UTF_16LE) ? "UTF-16LE" : cs.equals(StandardCharsets.UTF_16BE)
                    ? "UTF-16BE" : null;
        }
        if (code.startsWith("ASCII") || code.startsWith("\0\0\0\0\0\0\0\0")) {
            return "UTF-8";
        }
        return null;
    }

    private static String trimNul(String s) {
        return Text.trimNul(s);
    }
}
