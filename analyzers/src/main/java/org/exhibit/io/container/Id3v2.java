package org.exhibit.io.container;

import org.exhibit.io.Limits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An ID3v2 tag at the start of a file (id3.org ID3v2.2, v2.3.0, v2.4.0 structure and frames): the header, the
 * extended header skipped, and each frame with its offset and length; v2.4 frame sizes are syncsafe, v2.3 plain,
 * v2.2 24-bit. TXXX and GEOB frames are decoded; compressed frames are inflated under the limits. A whole-tag
 * unsynchronisation is reported, not undone (frame offsets stay those of the file).
 */
public final class Id3v2 {

    public static final String FORMAT = "ID3v2";

    public static final ContainerReader<File> READER = ContainerReader.of(FORMAT,
            head -> Bytes.startsWith(head, 0, "ID3"), Id3v2::read);

    /**
     * One frame.
     *
     * @param headerLength 10 (6 in v2.2)
     * @param dataLength   the frame's size field
     * @param flags        the two flag bytes (v2.3/v2.4), else 0
     */
    public record Frame(String id, long offset, int headerLength, long dataLength, int flags, boolean truncated)
            implements Item {
        @Override
        public String type() {
            return id;
        }

        @Override
        public long length() {
            return headerLength + dataLength;
        }

        @Override
        public long dataOffset() {
            return offset + headerLength;
        }
    }

    /** A user-defined text frame: description and value. */
    public record Txxx(String description, String value) {
    }

    /**
     * A general encapsulated object.
     *
     * @param objectOffset file offset of the object's bytes (-1 when the frame was compressed)
     */
    public record Geob(String mimeType, String fileName, String description, byte[] object, long objectOffset) {
    }

    /** The walk's result. */
    public static final class File extends Reading {
        private final int version;
        private final int flags;
        private final long tagSize;
        private final List<Frame> frames;

        File(Walk walk, int version, int flags, long tagSize, List<Frame> frames) {
            super(walk);
            this.version = version;
            this.flags = flags;
            this.tagSize = tagSize;
            this.frames = Collections.unmodifiableList(frames);
        }

        /** 2, 3 or 4; 0 when the file has no ID3v2 tag. */
        public int version() {
            return version;
        }

        public int flags() {
            return flags;
        }

        /** The header's size field (bytes after the 10-byte header). */
        public long tagSize() {
            return tagSize;
        }

        public List<Frame> frames() {
            return frames;
        }

        @Override
        public List<Frame> items() {
            return frames;
        }

        /**
         * The frame's content, with its v2.3/v2.4 format flags undone (grouping byte, data length indicator,
         * frame unsynchronisation, zlib compression); null (with a problem) for an encrypted frame or past the bounds.
         */
        public byte[] content(Frame f) throws IOException {
            byte[] d = data(f);
            if (d == null || version < 3) {
                return d;
            }
            int format = f.flags() & 0xFF;
            boolean compressed;
            boolean encrypted;
            int skip = 0;
            boolean unsync = false;
            if (version == 3) {
                compressed = (format & 0x80) != 0;
                encrypted = (format & 0x40) != 0;
                skip += compressed ? 4 : 0;
                skip += (format & 0x20) != 0 ? 1 : 0;
            } else {
                compressed = (format & 0x08) != 0;
                encrypted = (format & 0x04) != 0;
                unsync = (format & 0x02) != 0;
                skip += (format & 0x40) != 0 ? 1 : 0;
                skip += (format & 0x01) != 0 ? 4 : 0;
            }
            if (encrypted) {
                walk.problem(Problem.Kind.UNSUPPORTED, f.id(), f.offset(), f.length(), "The ID3v2 " + f.id()
                        + " frame at byte " + f.offset() + " is encrypted; it was not read.");
                return null;
            }
            if (skip > d.length) {
                walk.problem(Problem.Kind.MALFORMED, f.id(), f.offset(), f.length(), "The ID3v2 " + f.id()
                        + " frame at byte " + f.offset() + " is shorter than its flags require.");
                return null;
            }
            byte[] body = java.util.Arrays.copyOfRange(d, skip, d.length);
            if (unsync) {
                ByteArrayOutputStream o = new ByteArrayOutputStream(body.length);
                for (int i = 0; i < body.length; i++) {
                    o.write(body[i]);
                    if ((body[i] & 0xFF) == 0xFF && i + 1 < body.length && body[i + 1] == 0) {
                        i++;
                    }
                }
                body = o.toByteArray();
            }
            if (compressed) {
                Walk.Inflated z = walk.inflate(body, false);
                if (!z.ok()) {
                    walk.problem(z.failure(), f.id(), f.offset(), f.length(), "The ID3v2 " + f.id() + " frame at byte "
                            + f.offset() + " could not be inflated: " + z.reason() + ".");
                    return null;
                }
                body = z.bytes();
            }
            return body;
        }

        /** A TXXX (TXX) frame decoded, or null. */
        public Txxx txxx(Frame f) throws IOException {
            byte[] b = content(f);
            if (b == null || b.length == 0) {
                return b == null ? null : new Txxx("", "");
            }
            int enc = b[0];
            Charset cs = charset(enc);
            int wide = enc == 1 || enc == 2 ? 2 : 1;
            int p = terminator(b, 1, wide);
            String desc = new String(b, 1, p - 1, cs);
            String value = p + wide <= b.length ? new String(b, p + wide, b.length - p - wide, cs) : "";
            return new Txxx(desc, Text.trimNul(value));
        }

        /** A GEOB frame decoded, or null. */
        public Geob geob(Frame f) throws IOException {
            byte[] b = content(f);
            if (b == null || b.length < 2) {
                return null;
            }
            boolean plain = (f.flags() & 0xFF) == 0 || version < 3;
            int enc = b[0];
            Charset cs = charset(enc);
            int wide = enc == 1 || enc == 2 ? 2 : 1;
            int m = terminator(b, 1, 1);
            String mime = new String(b, 1, m - 1, StandardCharsets.ISO_8859_1);
            int nameAt = Math.min(b.length, m + 1);
            int n = terminator(b, nameAt, wide);
            String name = new String(b, nameAt, n - nameAt, cs);
            int descAt = Math.min(b.length, n + wide);
            int d = terminator(b, descAt, wide);
            String desc = new String(b, descAt, d - descAt, cs);
            int objAt = Math.min(b.length, d + wide);
            return new Geob(mime, name, desc, java.util.Arrays.copyOfRange(b, objAt, b.length),
                    plain ? f.dataOffset() + objAt : -1);
        }
    }

    private static Charset charset(int enc) {
        return switch (enc) {
            case 1 -> StandardCharsets.UTF_16;
            case 2 -> StandardCharsets.UTF_16BE;
            case 3 -> StandardCharsets.UTF_8;
            default -> StandardCharsets.ISO_8859_1;
        };
    }

    /** Index of the terminator (one or two zero bytes, aligned) at or after {@code from}; the end when none. */
    private static int terminator(byte[] b, int from, int wide) {
        int p = from;
        while (p + wide <= b.length && !(b[p] == 0 && (wide == 1 || b[p + 1] == 0))) {
            p += wide;
        }
        return Math.min(p, b.length);
    }

    private Id3v2() {
    }

    public static File read(ByteSource src, Limits limits) throws IOException {
        Walk w = new Walk(src, limits, FORMAT);
        List<Frame> frames = new ArrayList<>();
        byte[] h = src.readUpTo(0, 10);
        if (h.length < 10 || !Bytes.startsWith(h, 0, "ID3")) {
            if (Bytes.startsWith(h, 0, "ID3")) {
                w.problem(Problem.Kind.TRUNCATED, FORMAT, 0, h.length, "The file ends inside the ID3v2 header.");
            }
            return new File(w, 0, 0, 0, frames);
        }
        int version = h[3];
        int flags = h[5] & 0xFF;
        long size = Bytes.syncsafe(h, 6);
        if ((flags & 0x80) != 0) {
            w.problem(Problem.Kind.UNSUPPORTED, FORMAT, 0, 10 + size,
                    "ID3v2 tag uses unsynchronisation; frames were read without undoing it");
        }
        long end = Math.min(10 + size, src.size());
        long p = 10;
        if ((flags & 0x40) != 0 && version >= 3 && p + 4 <= end) { // extended header
            byte[] x = src.read(p, 4);
            p += version == 4 ? Bytes.syncsafe(x, 0) : 4 + Bytes.be32(x, 0);
        }
        int headLen = version == 2 ? 6 : 10;
        while (p + headLen <= end) {
            byte[] f = src.read(p, headLen);
            if (f[0] == 0) {
                break; // padding
            }
            String id = Bytes.ascii(f, 0, version == 2 ? 3 : 4);
            long n = version == 2 ? (f[3] & 0xFF) << 16 | (f[4] & 0xFF) << 8 | (f[5] & 0xFF)
                    : version == 4 ? Bytes.syncsafe(f, 4) : Bytes.be32(f, 4);
            int frameFlags = version == 2 ? 0 : Bytes.be16(f, 8);
            if (!w.admit(id, p)) {
                break;
            }
            if (p + headLen + n > end) {
                boolean eof = end < 10 + size;
                frames.add(new Frame(id, p, headLen, n, frameFlags, eof));
                w.problem(eof ? Problem.Kind.TRUNCATED : Problem.Kind.OUT_OF_BOUNDS, id, p, end - p, "ID3v2 frame "
                        + Bytes.printable(id) + " at byte " + p + " runs past the " + (eof ? "end of the file" : "tag"));
                break;
            }
            frames.add(new Frame(id, p, headLen, n, frameFlags, false));
            p += headLen + n;
        }
        if (10 + size > src.size() && !w.hasTruncation()) {
            w.problem(Problem.Kind.TRUNCATED, FORMAT, 0, src.size(), "The ID3v2 tag declares " + (10 + size)
                    + " bytes but the file ends after " + src.size() + ".");
        }
        return new File(w, version, flags, size, frames);
    }
}
