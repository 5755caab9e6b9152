package org.exhibit.io.container;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * A Vorbis comment list (Xiph Vorbis I spec §5; the same list in FLAC's VORBIS_COMMENT block and Opus's OpusTags):
 * little-endian vendor length and vendor, comment count, then "KEY=value" items of UTF-8, each with its length.
 */
public final class VorbisComments {

    /**
     * One comment.
     *
     * @param offset file offset of the comment's 4-byte length field
     * @param length 4 + the comment's bytes
     */
    public record Comment(String key, String value, long offset, long length) {
    }

    /** The vendor string and the comments read. */
    public record Parsed(String vendor, List<Comment> comments) {
    }

    private VorbisComments() {
    }

    /**
     * Reads the list in {@code c}; {@code fileOffset} maps an index into {@code c} to its file offset (the list may
     * be spread over Ogg pages). Problems go to {@code walk} under {@code scope}.
     */
    static Parsed parse(Walk walk, byte[] c, IntToLongFunction fileOffset, String scope, String where) {
        List<Comment> out = new ArrayList<>();
        if (c.length < 4) {
            walk.problem(Problem.Kind.MALFORMED, scope, fileOffset.applyAsLong(0), c.length, where
                    + " is shorter than its vendor length field.");
            return new Parsed("", out);
        }
        long vendor = Bytes.le32(c, 0);
        if (4 + vendor + 4 > c.length) {
            walk.problem(Problem.Kind.OUT_OF_BOUNDS, scope, fileOffset.applyAsLong(0), c.length, where
                    + ": the vendor string (" + vendor + " bytes) runs past the block");
            return new Parsed("", out);
        }
        String vendorText = new String(c, 4, (int) vendor, StandardCharsets.UTF_8);
        int p = 4 + (int) vendor;
        long count = Bytes.le32(c, p);
        p += 4;
        for (long i = 0; i < count && p + 4 <= c.length; i++) {
            long n = Bytes.le32(c, p);
            if (p + 4 + n > c.length) {
                walk.problem(Problem.Kind.OUT_OF_BOUNDS, scope, fileOffset.applyAsLong(p), c.length - p, where
                        + ": comment " + i + " runs past the block");
                break;
            }
            if (!walk.admit(scope, fileOffset.applyAsLong(p))) {
                break;
            }
            String item = new String(c, p + 4, (int) n, StandardCharsets.UTF_8);
            int eq = item.indexOf('=');
            out.add(new Comment(eq < 0 ? item : item.substring(0, eq), eq < 0 ? "" : item.substring(eq + 1),
                    fileOffset.applyAsLong(p), 4 + n));
            p += 4 + (int) n;
        }
        return new Parsed(vendorText, out);
    }
}
