package org.exhibit.label;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks a TIFF structure (a TIFF file, or the EXIF block of a JPEG/PNG/WebP) for the few tags that can carry a
 * label: ImageDescription (270), XMP (700) and, through the Exif IFD pointer (34665), UserComment (37510).
 * Offsets in the returned entries count from the start of the file.
 */
final class TiffTags {

    static final int IMAGE_DESCRIPTION = 270;
    static final int XMP = 700;
    static final int EXIF_IFD = 34665;
    static final int USER_COMMENT = 37510;
    private static final int[] TYPE_SIZES = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4};

    /** One tag's value bytes and where they lie in the file. */
    record Entry(int tag, long offset, byte[] value) {
    }

    private TiffTags() {
    }

    /**
     * @param src  the file
     * @param base file offset of the TIFF header ("II*\0" or "MM\0*")
     * @param size bytes of the TIFF structure
     */
    static List<Entry> read(Source src, long base, long size) throws IOException {
        byte[] t = src.read(base, Math.min(size, src.size() - base));
        if (t.length < 8) {
            throw new IOException("TIFF header shorter than 8 bytes");
        }
        boolean le = t[0] == 'I' && t[1] == 'I';
        if (!le && !(t[0] == 'M' && t[1] == 'M')) {
            throw new IOException("not a TIFF header");
        }
        List<Entry> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        walk(t, le, u32(t, 4, le), base, out, seen, 0);
        return out;
    }

    private static void walk(byte[] t, boolean le, long ifd, long base, List<Entry> out, Set<Long> seen, int depth)
            throws IOException {
        if (ifd == 0 || depth > 4 || !seen.add(ifd)) {
            return; // end of chain, or a loop: IFD offsets are attacker-controlled
        }
        if (ifd + 2 > t.length) {
            throw new IOException("IFD offset " + ifd + " points outside the TIFF block");
        }
        int count = u16(t, (int) ifd, le);
        for (int i = 0; i < count; i++) {
            int e = (int) ifd + 2 + 12 * i;
            if (e + 12 > t.length) {
                throw new IOException("IFD entry " + i + " runs outside the TIFF block");
            }
            int tag = u16(t, e, le);
            int type = u16(t, e + 2, le);
            long n = u32(t, e + 4, le);
            if (tag == EXIF_IFD) {
                walk(t, le, u32(t, e + 8, le), base, out, seen, depth + 1);
                continue;
            }
            if (tag != IMAGE_DESCRIPTION && tag != XMP && tag != USER_COMMENT) {
                continue;
            }
            long bytes = n * (type < TYPE_SIZES.length ? TYPE_SIZES[type] : 1);
            long at = bytes <= 4 ? e + 8 : u32(t, e + 8, le);
            if (at + bytes > t.length) {
                throw new IOException("tag " + tag + " value runs outside the TIFF block");
            }
            byte[] v = new byte[(int) bytes];
            System.arraycopy(t, (int) at, v, 0, v.length);
            out.add(new Entry(tag, base + at, v));
        }
        if (depth == 0) {
            int next = (int) ifd + 2 + 12 * count;
            if (next + 4 <= t.length) {
                walk(t, le, u32(t, next, le), base, out, seen, depth + 1);
            }
        }
    }

    static int u16(byte[] b, int at, boolean le) {
        return le ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 : (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    static long u32(byte[] b, int at, boolean le) {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v |= (long) (b[at + (le ? i : 3 - i)] & 0xFF) << (8 * i);
        }
        return v;
    }
}
