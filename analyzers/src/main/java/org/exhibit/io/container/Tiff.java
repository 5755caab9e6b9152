package org.exhibit.io.container;

import org.exhibit.io.Limits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * TIFF structures (TIFF 6.0 §2; EXIF 2.32 §4.6): a TIFF file, or the EXIF block of a JPEG APP1, PNG eXIf or WebP
 * EXIF chunk. Both byte orders; the IFD chain (IFD0, IFD1, ...) and the sub-IFDs the pointer tags name (Exif, GPS,
 * Interoperability, SubIFDs), each IFD read once: an offset that leads back to an IFD already read is a
 * {@link Problem.Kind#LOOP}, one outside the block {@link Problem.Kind#OUT_OF_BOUNDS}. Offsets in the block count
 * from its TIFF header; every offset this class returns counts from the start of the file.
 */
public final class Tiff {

    public static final String FORMAT = "TIFF";
    public static final int IMAGE_DESCRIPTION = 0x010E;
    public static final int SOFTWARE = 0x0131;
    public static final int SUB_IFDS = 0x014A;
    public static final int XMP = 0x02BC;
    public static final int EXIF_IFD = 0x8769;
    public static final int GPS_IFD = 0x8825;
    public static final int DATE_TIME_ORIGINAL = 0x9003;
    public static final int USER_COMMENT = 0x9286;
    public static final int INTEROP_IFD = 0xA005;
    /** Bytes per value of each TIFF field type (1 BYTE ... 13 IFD); unknown types count one byte. */
    private static final int[] TYPE_SIZES = {1, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4};

    public static final ContainerReader<File> READER = ContainerReader.of(FORMAT,
            head -> Bytes.startsWith(head, 0, "II*\0") || Bytes.startsWith(head, 0, "MM\0*"),
            (source, limits) -> Tiff.read(source, 0, source.size(), limits, FORMAT));

    /**
     * One IFD.
     *
     * @param name   "IFD0", "IFD1"... for the chain, "IFD0/Exif", "IFD0/GPS", "IFD0/Exif/Interop", "IFD0/SubIFD1"
     * @param offset file offset of its entry count
     */
    public record Ifd(String name, long offset, int depth, int entries) {
    }

    /**
     * One IFD entry (12 bytes: tag, type, count, value or offset).
     *
     * @param offset      file offset of the entry
     * @param valueOffset file offset of the value (inside the entry when it fits in four bytes)
     * @param valueLength count × the type's size
     * @param inRange     the value lies inside the block
     */
    public record Entry(String ifd, int tag, int fieldType, long count, long offset, long valueOffset, long valueLength,
                        boolean inRange) implements Item {
        @Override
        public String type() {
            return String.valueOf(tag);
        }

        @Override
        public String path() {
            return ifd + ":" + tag;
        }

        @Override
        public long length() {
            return 12;
        }

        @Override
        public long dataOffset() {
            return valueOffset;
        }

        @Override
        public long dataLength() {
            return valueLength;
        }

        /** Types BYTE, ASCII, UNDEFINED: one byte per count. */
        public boolean bytewise() {
            return fieldType == 1 || fieldType == 2 || fieldType == 7;
        }
    }

    /** The walk's result. */
    public static final class File extends Reading {
        private final boolean littleEndian;
        private final long base;
        private final long length;
        private final List<Ifd> ifds;
        private final List<Entry> entries;

        File(Walk walk, boolean littleEndian, long base, long length, List<Ifd> ifds, List<Entry> entries) {
            super(walk);
            this.littleEndian = littleEndian;
            this.base = base;
            this.length = length;
            this.ifds = Collections.unmodifiableList(ifds);
            this.entries = Collections.unmodifiableList(entries);
        }

        public boolean littleEndian() {
            return littleEndian;
        }

        /** File offset of the TIFF header. */
        public long base() {
            return base;
        }

        public long length() {
            return length;
        }

        public List<Ifd> ifds() {
            return ifds;
        }

        /** Every entry, IFD by IFD in the order read (an IFD's sub-IFDs after it, before the next in the chain). */
        @Override
        public List<Entry> items() {
            return entries;
        }

        public List<Entry> entries(String ifd) {
            return entries.stream().filter(e -> e.ifd().equals(ifd)).toList();
        }

        /** The entry's value bytes; null when out of range or past the bounds (with a problem). */
        public byte[] value(Entry e) throws IOException {
            if (!e.inRange()) {
                return null;
            }
            return walk.payload(e.valueOffset(), e.valueLength(), e.path(), "TIFF tag " + e.tag() + " value",
                    e.valueOffset(), e.valueLength());
        }

        /** An ASCII value as text up to its first NUL (as TIFF readers take it), or null. */
        public String ascii(Entry e) throws IOException {
            byte[] v = value(e);
            if (v == null) {
                return null;
            }
            int end = Bytes.indexOfNul(v, 0);
            return new String(v, 0, end < 0 ? v.length : end, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    private Tiff() {
    }

    /**
     * The TIFF structure at file offset {@code base}, {@code length} bytes long, of {@code src}. {@code where}
     * names the carrier in messages, e.g. "JPEG APP1".
     */
    public static File read(ByteSource src, long base, long length, Limits limits, String where) throws IOException {
        return read(new Walk(src, limits, FORMAT), base, length, where);
    }

    /** As {@link #read(ByteSource, long, long, Limits, String)}, for a block inside {@code parent}'s container. */
    public static File read(Reading parent, long base, long length, String where) throws IOException {
        return read(parent.walk.nested(FORMAT), base, length, where);
    }

    /**
     * An EXIF block embedded in {@code parent} (PNG eXIf, WebP EXIF, JPEG APP1 after its identifier): some writers
     * keep the JPEG "Exif\0\0" prefix inside PNG and WebP, so it is skipped when present.
     */
    public static File exif(Reading parent, long offset, long length, String where) throws IOException {
        byte[] head = parent.source().readUpTo(offset, 6);
        if (Bytes.startsWith(head, 0, "Exif\0\0")) {
            return read(parent, offset + 6, length - 6, where);
        }
        return read(parent, offset, length, where);
    }

    private static File read(Walk w, long base, long length, String where) throws IOException {
        long len = Math.max(0, Math.min(length, w.size() - base));
        List<Ifd> ifds = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        if (len < 8) {
            w.problem(Problem.Kind.MALFORMED, "header", base, len, "The EXIF block in " + where + " at byte " + base
                    + " is shorter than a TIFF header.");
            return new File(w, false, base, len, ifds, entries);
        }
        byte[] h = w.src.read(base, 8);
        boolean le;
        if (h[0] == 'I' && h[1] == 'I') {
            le = true;
        } else if (h[0] == 'M' && h[1] == 'M') {
            le = false;
        } else {
            w.problem(Problem.Kind.MALFORMED, "header", base, len, "The EXIF block in " + where + " at byte " + base
                    + " has no TIFF byte-order mark.");
            return new File(w, false, base, len, ifds, entries);
        }
        Block b = new Block(w, base, len, le, where, ifds, entries);
        if (b.u16(h, 2) == 43) {
            w.problem(Problem.Kind.UNSUPPORTED, "header", base, len, "The TIFF block in " + where + " at byte " + base
                    + " is a BigTIFF, which is not read.");
            return new File(w, le, base, len, ifds, entries);
        }
        long at = b.u32(h, 4);
        for (int k = 0; at != 0; k++) {
            at = b.ifd("IFD" + k, at, 0, true);
        }
        return new File(w, le, base, len, ifds, entries);
    }

    /** The walk of one block. */
    private static final class Block {
        final Walk w;
        final long base;
        final long len;
        final boolean le;
        final String where;
        final List<Ifd> ifds;
        final List<Entry> entries;
        final Set<Long> seen = new HashSet<>();

        Block(Walk w, long base, long len, boolean le, String where, List<Ifd> ifds, List<Entry> entries) {
            this.w = w;
            this.base = base;
            this.len = len;
            this.le = le;
            this.where = where;
            this.ifds = ifds;
            this.entries = entries;
        }

        int u16(byte[] b, int at) {
            return le ? Bytes.le16(b, at) : Bytes.be16(b, at);
        }

        long u32(byte[] b, int at) {
            return le ? Bytes.le32(b, at) : Bytes.be32(b, at);
        }

        /** Reads the IFD at block offset {@code at}; returns the next IFD's offset (chain only), else 0. */
        long ifd(String name, long at, int depth, boolean chain) throws IOException {
            if (at < 0 || at + 2 > len) {
                w.problem(Problem.Kind.OUT_OF_BOUNDS, name, base, len, "An EXIF IFD offset (" + at + ") in " + where
                        + " at byte " + base + " points outside the block.");
                return 0;
            }
            if (!seen.add(at)) {
                w.problem(Problem.Kind.LOOP, name, base + at, 2, "An EXIF IFD offset (" + at + ") in " + where
                        + " at byte " + base + " leads back to an IFD already read (a loop).");
                return 0;
            }
            if (!w.within(depth, name, base + at, 2) || !w.admit(name, base + at)) {
                return 0;
            }
            int count = u16(w.src.read(base + at, 2), 0);
            long fit = (len - at - 2) / 12;
            int n = (int) Math.min(count, fit);
            byte[] d = w.src.read(base + at + 2, 12L * n);
            List<long[]> pointers = new ArrayList<>();
            int read = 0;
            for (int i = 0; i < n; i++) {
                int e = 12 * i;
                long entryAt = at + 2 + e;
                if (!w.admit(name, base + entryAt)) {
                    break;
                }
                read++;
                int tag = u16(d, e);
                int type = u16(d, e + 2);
                long cnt = u32(d, e + 4);
                long size = cnt * (type >= 1 && type < TYPE_SIZES.length ? TYPE_SIZES[type] : 1);
                boolean inline = size <= 4;
                long rel = inline ? entryAt + 8 : u32(d, e + 8);
                boolean inRange = inline || rel + size <= len;
                entries.add(new Entry(name, tag, type, cnt, base + entryAt, base + rel, size, inRange));
                if (!inRange) {
                    w.problem(Problem.Kind.OUT_OF_BOUNDS, name + ":" + tag, base + entryAt, 12, "EXIF tag 0x"
                            + Integer.toHexString(tag) + " in " + where + " claims " + size + " bytes beyond the block's"
                            + " end.");
                }
                if (tag == EXIF_IFD || tag == GPS_IFD || tag == INTEROP_IFD || tag == SUB_IFDS) {
                    pointers.add(new long[]{tag, cnt, u32(d, e + 8), inRange ? base + rel : -1});
                }
            }
            ifds.add(new Ifd(name, base + at, depth, read));
            if (count > fit) {
                w.problem(Problem.Kind.TRUNCATED, name, base + at, len - at, "An EXIF IFD in " + where + " at byte "
                        + base + " ends early.");
            }
            for (long[] p : pointers) {
                int tag = (int) p[0];
                if (tag == SUB_IFDS && p[1] > 1) {
                    if (p[3] < 0) {
                        continue;
                    }
                    int k = (int) Math.min(p[1], w.limits.maxItems());
                    byte[] offs = w.src.read(p[3], 4L * k);
                    for (int i = 0; i < k; i++) {
                        ifd(name + "/SubIFD" + i, u32(offs, 4 * i), depth + 1, false);
                    }
                } else {
                    String sub = switch (tag) {
                        case EXIF_IFD -> "Exif";
                        case GPS_IFD -> "GPS";
                        case INTEROP_IFD -> "Interop";
                        default -> "SubIFD0";
                    };
                    if (p[2] != 0) {
                        ifd(name + "/" + sub, p[2], depth + 1, false);
                    }
                }
            }
            if (!chain || count > fit) {
                return 0;
            }
            long next = at + 2 + 12L * count;
            if (next + 4 > len) {
                return 0;
            }
            return u32(w.src.read(base + next, 4), 0);
        }
    }
}
