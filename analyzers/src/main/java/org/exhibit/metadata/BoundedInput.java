package org.exhibit.metadata;

import org.exhibit.io.Limits;
import org.exhibit.io.container.ByteSource;
import org.exhibit.io.container.Container;
import org.exhibit.io.container.ContainerReader;
import org.exhibit.io.container.Containers;
import org.exhibit.io.container.Jpeg;
import org.exhibit.io.container.Png;
import org.exhibit.io.container.Problem;
import org.exhibit.io.container.Riff;
import org.exhibit.io.container.Webp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * What the metadata libraries may read of a file, decided by the container layer first, so `inspect` keeps the
 * same {@link Limits} as every other analyzer (metadata-extractor and Tika inflate and allocate whatever a length
 * field says). PNG, JPEG and WebP are handed over rebuilt from the container's items: the metadata chunks and
 * segments that are within the bounds, without image data, and without any item whose decompression or size
 * passes a bound; a truncated file is closed (IEND, EOI) after its last whole item. Other containers the layer
 * reads (TIFF, ISO-BMFF, GIF, RIFF, ID3v2, FLAC, Ogg) are walked first and handed over unchanged, unless a bound
 * was reached, in which case the library is not run at all. Every problem is kept for the inventory.
 */
final class BoundedInput {

    /** A piece of the rebuilt input: bytes of its own, or a range of the file. */
    private record Part(byte[] bytes, long offset, long length) {
        long size() {
            return bytes != null ? bytes.length : length;
        }
    }

    final String format;
    final List<Problem> problems;
    /** Why the library must not read the file, or null. */
    final String refused;
    private final ByteSource src;
    private final List<Part> parts;

    private BoundedInput(String format, List<Problem> problems, String refused, ByteSource src, List<Part> parts) {
        this.format = format;
        this.problems = problems;
        this.refused = refused;
        this.src = src;
        this.parts = parts;
    }

    /** The file as the library should see it; readable while {@code src} is open. */
    InputStream stream() {
        List<InputStream> streams = new ArrayList<>();
        for (Part p : parts) {
            streams.add(p.bytes != null ? new ByteArrayInputStream(p.bytes) : new RangeStream(src, p.offset, p.length));
        }
        return new SequenceInputStream(Collections.enumeration(streams));
    }

    long length() {
        return parts.stream().mapToLong(Part::size).sum();
    }

    static BoundedInput of(ByteSource src, Limits limits) throws IOException {
        byte[] head = src.readUpTo(0, 16);
        if (Png.READER.accepts(head)) {
            return png(src, Png.read(src, limits), limits);
        }
        if (Jpeg.READER.accepts(head)) {
            return jpeg(src, Jpeg.read(src, limits, true), limits);
        }
        if (Webp.isWebp(head)) {
            return webp(src, Riff.read(src, limits), limits);
        }
        ContainerReader<?> reader = Containers.readerFor(head);
        List<Part> whole = List.of(new Part(null, 0, src.size()));
        if (reader == null) {
            return new BoundedInput(null, List.of(), null, src, whole);
        }
        Container c = reader.read(src, limits);
        Problem limit = c.problems().stream().filter(Problem::limitReached).findFirst().orElse(null);
        return new BoundedInput(c.format(), c.problems(), limit == null ? null : limit.message(), src, whole);
    }

    private static BoundedInput png(ByteSource src, Png.File f, Limits limits) throws IOException {
        for (Png.Chunk c : f.chunks("iCCP")) {
            if (!c.truncated() && c.dataLength() <= limits.maxItemBytes()) {
                Png.inflateProfile(f, c); // a profile that inflates past the limit becomes a problem at its data
            }
        }
        Set<Long> refused = new HashSet<>();
        for (Problem p : f.problems()) {
            if (p.limitReached()) {
                refused.add(p.offset());
            }
        }
        List<Problem> problems = new ArrayList<>(f.problems());
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(Png.SIGNATURE, 0, 0));
        long total = 0;
        boolean ended = false;
        for (Png.Chunk c : f.chunks()) {
            if (c.truncated() || c.type().equals("IDAT") || c.type().equals("fdAT")) {
                continue; // image data: the metadata reader skips it anyway
            }
            if (c.dataLength() > limits.maxItemBytes() || refused.contains(c.offset())
                    || refused.contains(c.dataOffset())) {
                continue; // the problem is already listed
            }
            if (total + c.length() > limits.maxTotalBytes()) {
                problems.add(new Problem(Problem.Kind.TOO_LARGE, c.type(), c.offset(), c.length(), "The " + c.type()
                        + " chunk at byte " + c.offset() + " would take the metadata passed to the reader past "
                        + limits.maxTotalBytes() + " bytes; it was left out."));
                continue;
            }
            parts.add(new Part(null, c.offset(), c.length()));
            total += c.length();
            ended |= c.type().equals("IEND");
        }
        if (!ended) {
            parts.add(new Part(chunk("IEND", new byte[0]), 0, 0));
        }
        return new BoundedInput(Png.FORMAT, problems, null, src, parts);
    }

    private static BoundedInput jpeg(ByteSource src, Jpeg.File f, Limits limits) throws IOException {
        Set<Long> refusedXmp = new HashSet<>();
        for (Jpeg.ExtendedXmp x : f.extendedXmp()) {
            if (!x.complete()) {
                x.segments().forEach(s -> refusedXmp.add(s.offset()));
            }
        }
        List<Part> parts = new ArrayList<>();
        long total = 0;
        boolean scan = false;
        for (Jpeg.Segment s : f.segments()) {
            if (s.truncated() || refusedXmp.contains(s.offset())) {
                continue;
            }
            if (total + s.length() > limits.maxTotalBytes()) {
                break;
            }
            parts.add(new Part(null, s.offset(), s.length()));
            total += s.length();
            scan |= s.marker() == 0xDA || s.marker() == 0xD9;
        }
        if (!scan) {
            parts.add(new Part(new byte[]{(byte) 0xFF, (byte) 0xD9}, 0, 0));
        }
        return new BoundedInput(Jpeg.FORMAT, f.problems(), null, src, parts);
    }

    private static BoundedInput webp(ByteSource src, Riff.File f, Limits limits) throws IOException {
        List<Part> body = new ArrayList<>();
        long total = 4;
        for (Riff.Chunk c : f.chunks()) {
            if (c.truncated()) {
                continue;
            }
            long padded = c.length() + (c.dataLength() & 1);
            if (c.id().equals("VP8 ") || c.id().equals("VP8L")) {
                // only the bitstream header is read for the picture's size; the image data is left out
                byte[] h = src.readUpTo(c.dataOffset(), Math.min(c.dataLength(), 30));
                byte[] chunk = new byte[8 + h.length + (h.length & 1)];
                System.arraycopy(c.id().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, chunk, 0, 4);
                putLe32(chunk, 4, h.length);
                System.arraycopy(h, 0, chunk, 8, h.length);
                body.add(new Part(chunk, 0, 0));
                total += chunk.length;
            } else if (Set.of("VP8X", "EXIF", "XMP ", "ICCP").contains(c.id())) {
                if (c.dataLength() > limits.maxItemBytes() || total + padded > limits.maxTotalBytes()
                        || c.offset() + padded > src.size()) {
                    continue;
                }
                body.add(new Part(null, c.offset(), padded));
                total += padded;
            }
        }
        byte[] header = new byte[12];
        System.arraycopy("RIFF".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, header, 0, 4);
        putLe32(header, 4, total);
        System.arraycopy("WEBP".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, header, 8, 4);
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(header, 0, 0));
        parts.addAll(body);
        return new BoundedInput(Riff.FORMAT, f.problems(), null, src, parts);
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] out = new byte[12 + data.length];
        putBe32(out, 0, data.length);
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(t, 0, out, 4, 4);
        System.arraycopy(data, 0, out, 8, data.length);
        CRC32 crc = new CRC32();
        crc.update(out, 4, 4 + data.length);
        putBe32(out, 8 + data.length, crc.getValue());
        return out;
    }

    private static void putBe32(byte[] b, int at, long v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static void putLe32(byte[] b, int at, long v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }

    /** A range of the source as a stream, read in blocks. */
    private static final class RangeStream extends InputStream {
        private final ByteSource src;
        private long pos;
        private final long end;

        RangeStream(ByteSource src, long offset, long length) {
            this.src = src;
            this.pos = offset;
            this.end = offset + length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= end) {
                return -1;
            }
            int n = (int) Math.min(len, Math.min(end - pos, 1 << 16));
            byte[] d = src.read(pos, n);
            System.arraycopy(d, 0, b, off, n);
            pos += n;
            return n;
        }
    }
}
