package org.exhibit.io.container;

import org.exhibit.io.Limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * ISO base media file format boxes (ISO/IEC 14496-12 §4.2: MP4, MOV, 3GP, HEIC, AVIF; also JUMBF, ISO/IEC 19566-5):
 * the box tree with each box's offset, header length (32-bit size, 64-bit largesize, uuid user type) and size.
 * Only boxes that hold boxes are walked into (a fixed list: moov, trak, udta, meta, ilst and its items, ...); media
 * data is located, never read. {@code meta} is read as a full box when its first four bytes are zero (ISO), as a
 * plain container otherwise (QuickTime). A box that overruns its parent or the file is a problem, and the walk
 * of that level stops there.
 */
public final class Bmff {

    public static final String FORMAT = "ISO-BMFF";
    /** Boxes whose payload is a sequence of boxes. */
    public static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "udta", "meta",
            "ilst", "edts", "dinf", "mvex", "moof", "traf", "mfra", "iprp", "ipco", "sinf", "schi", "tref", "grpl",
            "jumb");
    private static final Set<String> TOP_LEVEL = Set.of("ftyp", "moov", "mdat", "wide", "free", "skip");

    public static final ContainerReader<File> READER = ContainerReader.of(FORMAT,
            head -> TOP_LEVEL.stream().anyMatch(box -> Bytes.startsWith(head, 4, box)),
            Bmff::read);

    /**
     * One box.
     *
     * @param path         types from the top, e.g. "moov/udta/meta"
     * @param headerLength 8, 16 with a largesize, plus 16 for a uuid box's user type
     * @param size         the box's declared size (to the end of the file for size 0)
     * @param userType     a uuid box's user type as 32 hex digits, else null
     * @param truncated    the box passes the end of its parent or of the file; {@link #length()} is clipped
     * @param childOffset  where its child boxes start (after a full box's version and flags), or -1
     */
    public record Box(String type, String path, int depth, long offset, int headerLength, long size, boolean largeSize,
                      String userType, boolean truncated, long length, long childOffset, List<Box> children)
            implements Item {
        @Override
        public long dataOffset() {
            return offset + headerLength;
        }

        @Override
        public long dataLength() {
            return size - headerLength;
        }

        /** The first child of this type, or null. */
        public Box child(String childType) {
            for (Box b : children) {
                if (b.type().equals(childType)) {
                    return b;
                }
            }
            return null;
        }
    }

    /** The walk's result. */
    public static final class File extends Reading {
        private final List<Box> boxes;
        private final List<Box> all;

        File(Walk walk, List<Box> boxes) {
            super(walk);
            this.boxes = Collections.unmodifiableList(boxes);
            List<Box> flat = new ArrayList<>();
            flatten(boxes, flat);
            this.all = Collections.unmodifiableList(flat);
        }

        private static void flatten(List<Box> level, List<Box> out) {
            for (Box b : level) {
                out.add(b);
                flatten(b.children(), out);
            }
        }

        /** The top-level boxes (children within). */
        public List<Box> boxes() {
            return boxes;
        }

        @Override
        public List<Box> items() {
            return all;
        }

        public Box first(String type) {
            for (Box b : boxes) {
                if (b.type().equals(type)) {
                    return b;
                }
            }
            return null;
        }

        /**
         * The entries of a QuickTime {@code keys} box (full box, entry count, then size + namespace + name each),
         * under the item bound; entries that overrun the box end the list.
         */
        public List<String> keys(Box keys) throws IOException {
            List<String> out = new ArrayList<>();
            byte[] k = data(keys);
            if (k == null || k.length < 8) {
                return out;
            }
            long count = Bytes.be32(k, 4);
            int p = 8;
            for (long i = 0; i < count && p + 8 <= k.length; i++) {
                long n = Bytes.be32(k, p);
                if (n < 8 || p + n > k.length || !walk.admit(keys.path(), keys.dataOffset() + p)) {
                    break;
                }
                out.add(new String(k, p + 8, (int) n - 8, StandardCharsets.UTF_8));
                p += (int) n;
            }
            return out;
        }
    }

    private Bmff() {
    }

    /** Every box of the file. */
    public static File read(ByteSource src, Limits limits) throws IOException {
        return read(src, 0, src.size(), limits, FORMAT);
    }

    /** The boxes in {@code [from, to)} of {@code src} (a JUMBF store, a box payload). */
    public static File read(ByteSource src, long from, long to, Limits limits, String format) throws IOException {
        Walk w = new Walk(src, limits, format);
        List<Box> boxes = new ArrayList<>();
        walk(w, from, Math.min(to, src.size()), 0, "", boxes);
        if (to > src.size() && !w.hasTruncation()) {
            w.problem(Problem.Kind.TRUNCATED, format, from, src.size() - from, "The " + format + " boxes should run to"
                    + " byte " + to + " but the file ends at " + src.size() + ".");
        }
        return new File(w, boxes);
    }

    private static void walk(Walk w, long from, long to, int depth, String parent, List<Box> out) throws IOException {
        long p = from;
        while (p + 8 <= to) {
            byte[] h = w.src.read(p, 8);
            long size = Bytes.be32(h, 0);
            String type = Bytes.ascii(h, 4, 4);
            String path = parent.isEmpty() ? type : parent + "/" + type;
            if (!w.admit(path, p)) {
                return;
            }
            int header = 8;
            boolean large = false;
            if (size == 1) {
                if (p + 16 > to) {
                    overrun(w, out, type, path, depth, p, to, 16, 16, false, null);
                    return;
                }
                size = Bytes.be64(w.src.read(p + 8, 8), 0);
                header = 16;
                large = true;
            } else if (size == 0) {
                size = to - p; // to the end of the enclosing box (the file, at the top)
            }
            String userType = null;
            if (type.equals("uuid")) {
                if (p + header + 16 > to) {
                    overrun(w, out, type, path, depth, p, to, header + 16, header + 16, large, null);
                    return;
                }
                userType = HexFormat.of().formatHex(w.src.read(p + header, 16));
                header += 16;
            }
            if (size < header) {
                w.problem(Problem.Kind.MALFORMED, path, p, to - p, "The " + w.format + " box '" + Bytes.printable(type)
                        + "' at byte " + p + " declares a size of " + size + ", smaller than its " + header
                        + "-byte header.");
                return;
            }
            if (size > to - p) {
                overrun(w, out, type, path, depth, p, to, header, size, large, userType);
                return;
            }
            out.add(box(w, type, path, depth, p, header, size, large, userType, false, size));
            p += size;
        }
        if (p < to && depth == 0 && to >= w.size() && to - p > 0 && !allZero(w, p, to)) {
            w.problem(Problem.Kind.TRUNCATED, parent.isEmpty() ? w.format : parent, p, to - p, "The " + w.format
                    + " ends inside a box header at byte " + p + " (" + (to - p) + " bytes left, 8 needed).");
        }
    }

    private static boolean allZero(Walk w, long from, long to) throws IOException {
        for (byte b : w.src.read(from, to - from)) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** A box that passes the end of its parent (or of the file): located, clipped, walked into as far as it goes. */
    private static void overrun(Walk w, List<Box> out, String type, String path, int depth, long p, long to,
                                int header, long size, boolean large, String userType) throws IOException {
        boolean eof = p + size > w.size();
        out.add(box(w, type, path, depth, p, header, size, large, userType, true, to - p));
        w.problem(eof ? Problem.Kind.TRUNCATED : Problem.Kind.OUT_OF_BOUNDS, path, p, to - p, "The " + w.format
                + " box '" + Bytes.printable(type) + "' at byte " + p + " declares " + size + " bytes but "
                + (eof ? "the file ends first." : "runs past its container '" + parentOf(path) + "'."));
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "(file)" : path.substring(0, slash);
    }

    private static Box box(Walk w, String type, String path, int depth, long p, int header, long size, boolean large,
                           String userType, boolean truncated, long length) throws IOException {
        boolean walkInto = CONTAINERS.contains(type) || parentOf(path).endsWith("ilst"); // ilst items hold boxes
        if (!walkInto || length < header) {
            return new Box(type, path, depth, p, header, size, large, userType, truncated, length, -1, List.of());
        }
        long start = p + header;
        long end = p + length;
        if (type.equals("meta")) {
            byte[] peek = w.src.readUpTo(start, 8);
            if (peek.length == 8 && Bytes.be32(peek, 0) == 0) {
                start += 4; // ISO full box (version + flags); QuickTime's meta starts with a box size instead
            }
        }
        List<Box> children = new ArrayList<>();
        if (w.within(depth + 1, path, p, length)) {
            walk(w, start, end, depth + 1, path, children);
        }
        return new Box(type, path, depth, p, header, size, large, userType, truncated, length, start, children);
    }
}
