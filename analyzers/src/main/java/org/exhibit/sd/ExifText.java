package org.exhibit.sd;

import org.exhibit.io.container.UserComment;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the text tags generators use in a TIFF/EXIF block (from JPEG APP1 or WebP EXIF): UserComment (0x9286, in
 * the Exif sub-IFD or, from careless writers, IFD0), ImageDescription (0x010E) and Software (0x0131), with their
 * absolute file offsets. Walks the IFDs itself, because file offsets are the evidence and library readers drop
 * them. Byte order comes from the header ("II"/"MM"); UserComment's UTF-16 order is detected from its bytes,
 * since writers disagree (see {@link UserComment}).
 */
final class ExifText {

    private static final int USER_COMMENT = 0x9286;
    private static final int EXIF_IFD = 0x8769;
    private static final int IMAGE_DESCRIPTION = 0x010E;
    private static final int SOFTWARE = 0x0131;

    private ExifText() {
    }

    /**
     * Reads {@code tiff} (a TIFF header and IFDs) found at file offset {@code base}; adds text entries and
     * anomalies. {@code carrier} names the container, e.g. "JPEG APP1" or "WEBP EXIF".
     */
    static void read(byte[] tiff, long base, String carrier, List<TextEntry> texts, List<Anomaly> anomalies) {
        if (tiff.length < 8) {
            anomalies.add(new Anomaly("sd.exif-malformed", "The EXIF block in " + carrier + " at byte " + base
                    + " is shorter than a TIFF header.", carrier, base, tiff.length));
            return;
        }
        boolean little;
        if (tiff[0] == 'I' && tiff[1] == 'I') {
            little = true;
        } else if (tiff[0] == 'M' && tiff[1] == 'M') {
            little = false;
        } else {
            anomalies.add(new Anomaly("sd.exif-malformed", "The EXIF block in " + carrier + " at byte " + base
                    + " has no TIFF byte-order mark.", carrier, base, tiff.length));
            return;
        }
        Reader r = new Reader(tiff, little);
        Set<Long> seen = new HashSet<>();
        long ifd0 = r.u32(4);
        long exif = walk(r, ifd0, base, carrier, texts, anomalies, seen, true);
        if (exif >= 0) {
            walk(r, exif, base, carrier, texts, anomalies, seen, false);
        }
    }

    /** Reads one IFD's text tags; returns the Exif sub-IFD offset found in it, or -1. */
    private static long walk(Reader r, long at, long base, String carrier, List<TextEntry> texts,
                             List<Anomaly> anomalies, Set<Long> seen, boolean ifd0) {
        if (at <= 0 || at + 2 > r.b.length || !seen.add(at)) {
            if (at != 0) {
                anomalies.add(new Anomaly("sd.exif-malformed", "An EXIF IFD offset (" + at + ") in " + carrier
                        + " at byte " + base + " points outside the block or loops.", carrier, base, r.b.length));
            }
            return -1;
        }
        int n = r.u16((int) at);
        long exif = -1;
        for (int i = 0; i < n; i++) {
            int e = (int) at + 2 + 12 * i;
            if (e + 12 > r.b.length) {
                anomalies.add(new Anomaly("sd.exif-malformed", "An EXIF IFD in " + carrier + " at byte " + base
                        + " ends early.", carrier, base + at, r.b.length - at));
                break;
            }
            int tag = r.u16(e);
            int type = r.u16(e + 2);
            long count = r.u32(e + 4);
            if (tag == EXIF_IFD && ifd0) {
                exif = r.u32(e + 8);
                continue;
            }
            if (tag != USER_COMMENT && tag != IMAGE_DESCRIPTION && tag != SOFTWARE) {
                continue;
            }
            int unit = type == 7 || type == 2 || type == 1 ? 1 : 0;
            if (unit == 0) {
                continue;
            }
            long valueAt = count <= 4 ? e + 8 : r.u32(e + 8);
            if (valueAt + count > r.b.length || count > Integer.MAX_VALUE) {
                anomalies.add(new Anomaly("sd.exif-malformed", "EXIF tag 0x" + Integer.toHexString(tag) + " in "
                        + carrier + " claims " + count + " bytes beyond the block's end.", carrier, base + e, 12));
                continue;
            }
            byte[] raw = Arrays.copyOfRange(r.b, (int) valueAt, (int) (valueAt + count));
            long fileAt = base + valueAt;
            if (tag == USER_COMMENT) {
                userComment(raw, fileAt, carrier, texts);
            } else {
                String name = tag == SOFTWARE ? "Software" : "ImageDescription";
                int end = raw.length;
                while (end > 0 && raw[end - 1] == 0) {
                    end--;
                }
                byte[] body = Arrays.copyOf(raw, end);
                String enc = PngText.latin1OrUtf8(body);
                texts.add(new TextEntry(name, new String(body, PngText.charset(enc)),
                        new Source(carrier + " EXIF " + name, null, fileAt, count, fileAt, enc)));
            }
        }
        return exif;
    }

    private static void userComment(byte[] raw, long fileAt, String carrier, List<TextEntry> texts) {
        String text = UserComment.decode(raw);
        String code = raw.length >= 8 ? new String(raw, 0, 8, StandardCharsets.US_ASCII) : "";
        String enc = null;
        if (code.startsWith("UNICODE")) {
            Charset cs = UserComment.unicodeOrder(Arrays.copyOfRange(raw, 8, raw.length));
            enc = cs.equals(StandardCharsets.UTF_16LE) ? "UTF-16LE" : cs.equals(StandardCharsets.UTF_16BE)
                    ? "UTF-16BE" : null;
        } else if (code.startsWith("ASCII") || code.startsWith("\0\0\0\0\0\0\0\0")) {
            enc = "UTF-8";
        }
        texts.add(new TextEntry("UserComment", text, new Source(carrier + " EXIF UserComment", null, fileAt,
                raw.length, enc == null ? null : fileAt + 8, enc)));
    }

    private record Reader(byte[] b, boolean little) {
        int u16(int at) {
            int a = b[at] & 0xFF;
            int c = b[at + 1] & 0xFF;
            return little ? a | c << 8 : a << 8 | c;
        }

        long u32(int at) {
            if (at + 4 > b.length) {
                return -1;
            }
            long v = 0;
            for (int i = 0; i < 4; i++) {
                int x = b[at + (little ? 3 - i : i)] & 0xFF;
                v = v << 8 | x;
            }
            return v;
        }
    }
}
