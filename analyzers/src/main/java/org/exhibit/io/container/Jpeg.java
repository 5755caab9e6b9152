package org.exhibit.io.container;

import org.exhibit.io.Limits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JPEG marker segments (ITU-T T.81 B.1) from SOI to the first SOS: each segment's marker, offset and length, the
 * APPn identifier, the frame header, and the multi-segment payloads: C2PA/JUMBF in APP11 (ISO/IEC 19566-5, one box
 * split over segments that repeat its header) and extended XMP in APP1 (XMP Part 3 §1.1.3.1). Fill bytes (FF FF)
 * are skipped, standalone markers (TEM, RSTn, a repeated SOI) are items of two bytes; the walk stops at SOS or EOI
 * (the metadata segments all precede the image data), at bytes that are not a marker, or where the file ends.
 */
public final class Jpeg {

    public static final String FORMAT = "JPEG";
    public static final String EXIF_ID = "Exif";
    public static final String XMP_ID = "http://ns.adobe.com/xap/1.0/";
    public static final String XMP_EXTENSION_ID = "http://ns.adobe.com/xmp/extension/";
    public static final String JUMBF_ID = "JUMBF";
    /** The bytes that open a standard XMP APP1 payload. */
    public static final byte[] XMP_HEADER = (XMP_ID + "\0").getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] XMP_EXTENSION_HEADER = (XMP_EXTENSION_ID + "\0").getBytes(StandardCharsets.ISO_8859_1);

    public static final ContainerReader<File> READER = ContainerReader.of(FORMAT,
            head -> head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF,
            Jpeg::read);

    /**
     * One marker segment.
     *
     * @param marker     the marker's second byte (0xE1 for APP1)
     * @param offset     the marker's FF byte
     * @param length     2 for a standalone marker, else 2 + the segment's length field (clipped when truncated)
     * @param dataLength payload bytes after the length field, as declared
     * @param identifier for APPn: "Exif", the XMP namespace, "JUMBF" (APP11 "JP"), or the NUL-terminated name the
     *                   payload starts with ("JFIF", "ICC_PROFILE"...); else ""
     */
    public record Segment(int marker, long offset, long length, long dataLength, String identifier, boolean truncated)
            implements Item {
        @Override
        public String type() {
            return name(marker);
        }

        @Override
        public long dataOffset() {
            return standalone(marker) || marker == 0xD9 ? offset + 2 : offset + 4;
        }

        public boolean isApp(int n) {
            return marker == 0xE0 + n;
        }
    }

    /** The frame header (SOFn). */
    public record Frame(int marker, int precision, int width, int height, int components) {
    }

    /**
     * A JUMBF box (a C2PA manifest store) reassembled from its APP11 segments, ordered by sequence number.
     *
     * @param instance the box instance number (En)
     * @param offset   the first segment's marker
     * @param length   bytes from there to the end of the last segment
     */
    public record Jumbf(int instance, List<Segment> segments, long offset, long length) {
    }

    /**
     * An extended XMP packet spread over APP1 segments.
     *
     * @param guid       the MD5 of the packet, as the segments name it
     * @param fullLength the packet's declared length
     * @param complete   the segments cover the declared length, within bounds
     */
    public record ExtendedXmp(String guid, long fullLength, List<Segment> segments, boolean complete) {
    }

    /** The walk's result. */
    public static final class File extends Reading {
        private final List<Segment> segments;
        private final Frame frame;
        private final long scanOffset;
        private final List<Jumbf> jumbf;
        private final List<ExtendedXmp> extendedXmp;

        File(Walk walk, List<Segment> segments, Frame frame, long scanOffset, List<Jumbf> jumbf,
             List<ExtendedXmp> extendedXmp) {
            super(walk);
            this.segments = Collections.unmodifiableList(segments);
            this.frame = frame;
            this.scanOffset = scanOffset;
            this.jumbf = Collections.unmodifiableList(jumbf);
            this.extendedXmp = Collections.unmodifiableList(extendedXmp);
        }

        @Override
        public List<Segment> items() {
            return segments;
        }

        public List<Segment> segments() {
            return segments;
        }

        /** The first frame header, or null. */
        public Frame frame() {
            return frame;
        }

        /** Offset of the first SOS marker, or -1 when the walk did not reach one. */
        public long scanOffset() {
            return scanOffset;
        }

        /** JUMBF boxes in APP11, by instance number. */
        public List<Jumbf> jumbf() {
            return jumbf;
        }

        public List<ExtendedXmp> extendedXmp() {
            return extendedXmp;
        }

        /** The file offset and length of the TIFF block of an APP1 EXIF segment. */
        public static long[] exifBlock(Segment s) {
            return new long[]{s.dataOffset() + 6, Math.max(0, s.dataLength() - 6)};
        }

        /** The file offset and length of the packet of a standard XMP APP1 segment. */
        public static long[] xmpPacket(Segment s) {
            return new long[]{s.dataOffset() + XMP_HEADER.length, Math.max(0, s.dataLength() - XMP_HEADER.length)};
        }

        /** The JUMBF box's bytes, reassembled; null (with a problem) when it passes the bounds. */
        public byte[] bytes(Jumbf j) throws IOException {
            long total = 0;
            List<long[]> parts = new ArrayList<>();
            for (int i = 0; i < j.segments().size(); i++) {
                Segment s = j.segments().get(i);
                long from = s.dataOffset() + 8; // CI, En, Z
                long n = s.dataLength() - 8;
                if (i > 0) {
                    byte[] h = walk.src.readUpTo(from, 4);
                    int skip = h.length == 4 && Bytes.be32(h, 0) == 1 ? 16 : 8; // repeated LBox/TBox (and XLBox)
                    from += skip;
                    n -= skip;
                }
                n = Math.max(0, Math.min(n, walk.size() - from));
                parts.add(new long[]{from, n});
                total += n;
            }
            if (total > walk.limits.maxItemBytes()) {
                walk.problem(Problem.Kind.TOO_LARGE, "APP11 JUMBF", j.offset(), j.length(), "The JUMBF box in APP11 segments"
                        + " from byte " + j.offset() + " holds " + total + " bytes, over the limit of "
                        + walk.limits.maxItemBytes() + "; it was not read.");
                return null;
            }
            if (!walk.charge(total, "APP11 JUMBF", "JUMBF box in APP11 segments", j.offset(), j.length())) {
                return null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) total);
            for (long[] p : parts) {
                out.writeBytes(walk.src.read(p[0], p[1]));
            }
            return out.toByteArray();
        }

        /** The extended XMP packet's bytes; null (with a problem) when incomplete or past the bounds. */
        public byte[] bytes(ExtendedXmp x) throws IOException {
            if (!x.complete()) {
                return null;
            }
            if (!walk.charge(x.fullLength(), "APP1 extended XMP", "extended XMP packet", x.segments().get(0).offset(),
                    x.fullLength())) {
                return null;
            }
            byte[] out = new byte[(int) x.fullLength()];
            for (Segment s : x.segments()) {
                long at = s.dataOffset() + XMP_EXTENSION_HEADER.length;
                byte[] h = walk.src.read(at, 40);
                long chunkAt = Bytes.be32(h, 36);
                long n = s.dataLength() - XMP_EXTENSION_HEADER.length - 40;
                System.arraycopy(walk.src.read(at + 40, n), 0, out, (int) chunkAt, (int) n);
            }
            return out;
        }
    }

    private Jpeg() {
    }

    /** Marker names as T.81 Table B.1 gives them. */
    public static String name(int m) {
        if (m >= 0xE0 && m <= 0xEF) {
            return "APP" + (m - 0xE0);
        }
        if (m >= 0xD0 && m <= 0xD7) {
            return "RST" + (m - 0xD0);
        }
        if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
            return "SOF" + (m - 0xC0);
        }
        return switch (m) {
            case 0x01 -> "TEM";
            case 0xC4 -> "DHT";
            case 0xC8 -> "JPG";
            case 0xCC -> "DAC";
            case 0xD8 -> "SOI";
            case 0xD9 -> "EOI";
            case 0xDA -> "SOS";
            case 0xDB -> "DQT";
            case 0xDC -> "DNL";
            case 0xDD -> "DRI";
            case 0xDE -> "DHP";
            case 0xDF -> "EXP";
            case 0xFE -> "COM";
            default -> String.format("FF%02X", m);
        };
    }

    static boolean standalone(int m) {
        return m == 0x01 || m == 0xD8 || (m >= 0xD0 && m <= 0xD7);
    }

    public static boolean isFrame(int m) {
        return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
    }

    public static File read(ByteSource src, Limits limits) throws IOException {
        return read(src, limits, false);
    }

    /**
     * As {@link #read(ByteSource, Limits)}; with {@code resync}, bytes that are not a marker are reported and skipped
     * up to the next marker (FF followed by neither 00 nor FF, within {@code maxScanBytes}), as metadata-extractor
     * reads on; without it the walk stops there, since what follows such bytes is a guess.
     */
    public static File read(ByteSource src, Limits limits, boolean resync) throws IOException {
        Walk w = new Walk(src, limits, FORMAT);
        List<Segment> segments = new ArrayList<>();
        long size = src.size();
        Frame frame = null;
        long scan = -1;
        if (!READER.accepts(src.readUpTo(0, 3))) {
            w.problem(Problem.Kind.MALFORMED, FORMAT, 0, Math.min(size, 2), "The file does not start with a JPEG SOI "
                    + "marker.");
            return new File(w, segments, null, -1, List.of(), List.of());
        }
        segments.add(new Segment(0xD8, 0, 2, 0, "", false));
        long pos = 2;
        while (true) {
            if (pos >= size) {
                w.problem(Problem.Kind.TRUNCATED, FORMAT, pos, 0, "The JPEG ends at byte " + pos + " before its image "
                        + "data (no SOS or EOI marker).");
                break;
            }
            byte[] head = src.readUpTo(pos, 4);
            if ((head[0] & 0xFF) != 0xFF) {
                w.problem(Problem.Kind.MALFORMED, FORMAT, pos, 0, "No JPEG marker at byte " + pos
                        + " where the previous segment ended.");
                long next = resync && w.admit(FORMAT, pos) ? nextMarker(src, pos, limits.maxScanBytes()) : -1;
                if (next < 0) {
                    break;
                }
                pos = next;
                continue;
            }
            if (head.length < 2) {
                w.problem(Problem.Kind.TRUNCATED, FORMAT, pos, 1, "The JPEG ends inside a marker at byte " + pos + ".");
                break;
            }
            int marker = head[1] & 0xFF;
            if (marker == 0xFF) {
                pos++; // fill byte
                continue;
            }
            if (marker == 0x00) {
                w.problem(Problem.Kind.MALFORMED, FORMAT, pos, 2, "Byte " + pos + " holds FF00, which only occurs "
                        + "inside image data, where a marker was expected.");
                long next = resync && w.admit(FORMAT, pos) ? nextMarker(src, pos + 2, limits.maxScanBytes()) : -1;
                if (next < 0) {
                    break;
                }
                pos = next;
                continue;
            }
            if (!w.admit(name(marker), pos)) {
                break;
            }
            if (standalone(marker) || marker == 0xD9) {
                segments.add(new Segment(marker, pos, 2, 0, "", false));
                pos += 2;
                if (marker == 0xD9) {
                    break;
                }
                continue;
            }
            if (head.length < 4) {
                segments.add(new Segment(marker, pos, size - pos, 0, "", true));
                w.problem(Problem.Kind.TRUNCATED, name(marker), pos, size - pos, String.format("The JPEG ends inside "
                        + "the length of segment FF%02X at byte %d.", marker, pos));
                break;
            }
            int len = Bytes.be16(head, 2);
            if (len < 2) {
                segments.add(new Segment(marker, pos, 4, 0, "", false));
                w.problem(Problem.Kind.MALFORMED, name(marker), pos, 4, String.format("The JPEG segment FF%02X at byte"
                        + " %d declares a length of %d, less than its own two length bytes.", marker, pos, len));
                break;
            }
            if (pos + 2 + len > size) {
                segments.add(new Segment(marker, pos, size - pos, len - 2, identifier(src, marker, pos + 4, len - 2),
                        true));
                if (marker == 0xDA) {
                    scan = pos;
                }
                w.problem(Problem.Kind.TRUNCATED, name(marker), pos, size - pos, String.format("The JPEG segment FF%02X"
                        + " at byte %d declares %d bytes but the file ends first.", marker, pos, len));
                break;
            }
            Segment s = new Segment(marker, pos, 2 + len, len - 2, identifier(src, marker, pos + 4, len - 2), false);
            segments.add(s);
            if (frame == null && isFrame(marker) && len - 2 >= 5) {
                byte[] d = src.read(pos + 4, Math.min(6, len - 2));
                frame = new Frame(marker, d[0] & 0xFF, Bytes.be16(d, 3), Bytes.be16(d, 1), d.length > 5 ? d[5] & 0xFF : 0);
            }
            if (marker == 0xDA) {
                scan = pos;
                break;
            }
            pos += 2 + len;
        }
        return new File(w, segments, frame, scan, jumbf(w, segments), extendedXmp(w, segments));
    }

    /** The offset of the next FF that is followed by neither 00 nor FF, from {@code from}; -1 when none is near. */
    private static long nextMarker(ByteSource src, long from, long within) throws IOException {
        long end = Math.min(src.size(), from + within);
        for (long at = from; at < end; at += 1 << 16) {
            byte[] b = src.readUpTo(at, (1 << 16) + 1);
            for (int i = 0; i + 1 < b.length && at + i < end; i++) {
                if ((b[i] & 0xFF) == 0xFF && b[i + 1] != 0 && (b[i + 1] & 0xFF) != 0xFF) {
                    return at + i;
                }
            }
        }
        return -1;
    }

    /** The APPn payload's identifier; "" for other segments. */
    private static String identifier(ByteSource src, int marker, long at, long n) throws IOException {
        if (marker < 0xE0 || marker > 0xEF) {
            return "";
        }
        byte[] h = src.readUpTo(at, Math.min(n, 64));
        if (marker == 0xE1 && Bytes.startsWith(h, 0, "Exif\0\0")) {
            return EXIF_ID;
        }
        if (marker == 0xE1 && Bytes.startsWith(h, 0, XMP_ID + "\0")) {
            return XMP_ID;
        }
        if (marker == 0xE1 && Bytes.startsWith(h, 0, XMP_EXTENSION_ID + "\0")) {
            return XMP_EXTENSION_ID;
        }
        if (marker == 0xEB && n >= 16 && h.length >= 2 && h[0] == 'J' && h[1] == 'P') {
            return JUMBF_ID;
        }
        int e = 0;
        while (e < h.length && h[e] >= 0x20 && h[e] < 0x7F) {
            e++;
        }
        return e < h.length && h[e] == 0 ? Bytes.ascii(h, 0, e) : "";
    }

    private static List<Jumbf> jumbf(Walk w, List<Segment> segments) throws IOException {
        Map<Integer, List<Object[]>> byInstance = new TreeMap<>();
        for (Segment s : segments) {
            if (s.marker() == 0xEB && !s.truncated() && JUMBF_ID.equals(s.identifier())) {
                byte[] h = w.src.read(s.dataOffset(), 8);
                byInstance.computeIfAbsent(Bytes.be16(h, 2), k -> new ArrayList<>())
                        .add(new Object[]{s, Bytes.be32(h, 4)});
            }
        }
        List<Jumbf> out = new ArrayList<>();
        for (Map.Entry<Integer, List<Object[]>> e : byInstance.entrySet()) {
            List<Object[]> parts = e.getValue();
            parts.sort((a, b) -> Long.compare((Long) a[1], (Long) b[1]));
            List<Segment> ordered = parts.stream().map(p -> (Segment) p[0]).toList();
            long first = ordered.get(0).offset();
            long end = first;
            for (Segment s : ordered) {
                end = Math.max(end, s.end());
            }
            out.add(new Jumbf(e.getKey(), ordered, first, end - first));
        }
        return out;
    }

    private static List<ExtendedXmp> extendedXmp(Walk w, List<Segment> segments) throws IOException {
        Map<String, List<Segment>> byGuid = new LinkedHashMap<>();
        Map<String, Long> lengths = new LinkedHashMap<>();
        Map<String, Boolean> sound = new LinkedHashMap<>();
        for (Segment s : segments) {
            if (s.marker() != 0xE1 || s.truncated() || !XMP_EXTENSION_ID.equals(s.identifier())) {
                continue;
            }
            long n = s.dataLength() - XMP_EXTENSION_HEADER.length - 40;
            if (n < 0) {
                w.problem(Problem.Kind.MALFORMED, "APP1 extended XMP", s.offset(), s.length(), "The extended XMP segment at byte "
                        + s.offset() + " is shorter than its 40-byte header.");
                continue;
            }
            byte[] h = w.src.read(s.dataOffset() + XMP_EXTENSION_HEADER.length, 40);
            String guid = Bytes.ascii(h, 0, 32);
            long full = Bytes.be32(h, 32);
            long at = Bytes.be32(h, 36);
            byGuid.computeIfAbsent(guid, k -> new ArrayList<>()).add(s);
            Long known = lengths.putIfAbsent(guid, full);
            boolean ok = sound.getOrDefault(guid, true);
            if (known != null && known != full) {
                w.problem(Problem.Kind.MALFORMED, "APP1 extended XMP", s.offset(), s.length(), "The extended XMP segment at byte "
                        + s.offset() + " declares a full length of " + full + " where an earlier one of the same packet"
                        + " declared " + known + ".");
                ok = false;
            } else if (at + n > full) {
                w.problem(Problem.Kind.OUT_OF_BOUNDS, "APP1 extended XMP", s.offset(), s.length(), "The extended XMP segment at"
                        + " byte " + s.offset() + " places " + n + " bytes at offset " + at + ", past the packet's "
                        + "declared length of " + full + ".");
                ok = false;
            }
            sound.put(guid, ok);
        }
        List<ExtendedXmp> out = new ArrayList<>();
        for (Map.Entry<String, List<Segment>> e : byGuid.entrySet()) {
            long full = lengths.get(e.getKey());
            boolean ok = sound.get(e.getKey());
            Segment first = e.getValue().get(0);
            if (ok && full > w.limits.maxItemBytes()) {
                w.problem(Problem.Kind.TOO_LARGE, "APP1 extended XMP", first.offset(), first.length(), "The extended XMP packet "
                        + e.getKey() + " declares " + full + " bytes, over the limit of " + w.limits.maxItemBytes()
                        + "; it was not read.");
                ok = false;
            }
            long covered = 0;
            for (Segment s : e.getValue()) {
                covered += s.dataLength() - XMP_EXTENSION_HEADER.length - 40;
            }
            if (ok && covered < full) {
                w.problem(Problem.Kind.MALFORMED, "APP1 extended XMP", first.offset(), first.length(), "The extended XMP packet "
                        + e.getKey() + " declares " + full + " bytes but its segments hold " + covered + ".");
                ok = false;
            }
            out.add(new ExtendedXmp(e.getKey(), full, List.copyOf(e.getValue()), ok));
        }
        return out;
    }
}
