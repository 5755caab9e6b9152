package org.exhibit.io.container;

import org.exhibit.io.Limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;

/**
 * PNG chunks (ISO/IEC 15948 / W3C PNG 3rd ed. §5): the chunk list with each chunk's offset, length and CRC status,
 * the IHDR, and the text chunks (tEXt, zTXt, iTXt) decoded. Image data (IDAT, fdAT) is located, never read. The
 * walk stops at IEND (bytes after it are a {@link Problem.Kind#TRAILING} problem) or where the file ends inside a
 * chunk ({@link Problem.Kind#TRUNCATED}).
 */
public final class Png {

    public static final String FORMAT = "PNG";
    public static final byte[] SIGNATURE = {(byte) 137, 'P', 'N', 'G', '\r', '\n', 26, '\n'};

    public static final ContainerReader<File> READER = ContainerReader.of(FORMAT,
            head -> head.length >= 8 && Arrays.equals(Arrays.copyOf(head, 8), SIGNATURE), Png::read);

    /** Whether the chunk's CRC-32 was checked and matched. Image data chunks are not checked. */
    public enum Crc { OK, BAD, UNCHECKED }

    /** One chunk: 4-byte length, 4-byte type, data, 4-byte CRC. */
    public record Chunk(String type, long offset, long length, long dataLength, Crc crc, boolean truncated)
            implements Item {
        @Override
        public long dataOffset() {
            return offset + 8;
        }

        public boolean isText() {
            return type.equals("tEXt") || type.equals("zTXt") || type.equals("iTXt");
        }
    }

    /** IHDR. */
    public record Header(int width, int height, int bitDepth, int colorType, int interlace) {
        public boolean hasAlpha() {
            return colorType == 4 || colorType == 6;
        }
    }

    /**
     * A decoded text chunk.
     *
     * @param keyword           the chunk's keyword
     * @param compressed        zTXt, or iTXt with its compression flag set
     * @param language          iTXt language tag, else null
     * @param translatedKeyword iTXt translated keyword, else null
     * @param bytes             the text's bytes, inflated when compressed
     * @param encoding          "UTF-8" (iTXt, or tEXt/zTXt holding valid UTF-8) or "ISO-8859-1"
     * @param textOffset        file offset of the text's first byte when stored uncompressed, else -1
     */
    public record Text(Chunk chunk, String keyword, boolean compressed, String language, String translatedKeyword,
                       byte[] bytes, String encoding, long textOffset) {
        public String text() {
            return new String(bytes, org.exhibit.io.container.Text.charset(encoding));
        }
    }

    /** The walk's result. */
    public static final class File extends Reading {
        private final List<Chunk> chunks;
        private final Header header;
        private final List<Text> texts;

        File(Walk walk, List<Chunk> chunks, Header header, List<Text> texts) {
            super(walk);
            this.chunks = Collections.unmodifiableList(chunks);
            this.header = header;
            this.texts = Collections.unmodifiableList(texts);
        }

        @Override
        public List<Chunk> items() {
            return chunks;
        }

        public List<Chunk> chunks() {
            return chunks;
        }

        /** The IHDR, or null when there is none. */
        public Header header() {
            return header;
        }

        /** Every text chunk that could be decoded, in file order. */
        public List<Text> texts() {
            return texts;
        }

        public List<Chunk> chunks(String type) {
            return chunks.stream().filter(c -> c.type().equals(type)).toList();
        }
    }

    private Png() {
    }

    public static File read(ByteSource src, Limits limits) throws IOException {
        Walk w = new Walk(src, limits, FORMAT);
        List<Chunk> chunks = new ArrayList<>();
        List<Text> texts = new ArrayList<>();
        Header header = null;
        long size = src.size();
        if (!READER.accepts(src.readUpTo(0, 8))) {
            w.problem(Problem.Kind.MALFORMED, FORMAT, 0, Math.min(size, 8), "The file does not start with the PNG "
                    + "signature.");
            return new File(w, chunks, null, texts);
        }
        long pos = 8;
        while (pos < size) {
            if (size - pos < 12) {
                w.problem(Problem.Kind.TRUNCATED, FORMAT, pos, size - pos, "The PNG ends inside a chunk header at byte "
                        + pos + " (" + (size - pos) + " bytes left, 12 needed).");
                break;
            }
            byte[] head = src.read(pos, 8);
            long length = Bytes.be32(head, 0);
            String type = Bytes.ascii(head, 4, 4);
            long dataAt = pos + 8;
            if (!w.admit(type, pos)) {
                break;
            }
            if (dataAt + length + 4 > size) {
                chunks.add(new Chunk(type, pos, size - pos, length, Crc.UNCHECKED, true));
                w.problem(Problem.Kind.TRUNCATED, printable(type), pos, size - pos, "The PNG's " + printable(type)
                        + " chunk at byte " + pos + " declares " + length + " data bytes but the file ends "
                        + (size - dataAt) + " bytes later.");
                break;
            }
            Chunk chunk;
            if (type.equals("tEXt") || type.equals("zTXt") || type.equals("iTXt")) {
                byte[] data = w.payload(dataAt, length, type, type + " chunk", pos, length + 12);
                if (data == null) {
                    chunk = new Chunk(type, pos, length + 12, length, Crc.UNCHECKED, false);
                    chunks.add(chunk);
                } else {
                    chunk = new Chunk(type, pos, length + 12, length, crc(w, chunk(type, pos, length), head, data), false);
                    chunks.add(chunk);
                    Text t = decode(w, chunk, data);
                    if (t != null) {
                        texts.add(t);
                    }
                }
            } else {
                Crc crc = Crc.UNCHECKED;
                if (!type.equals("IDAT") && !type.equals("fdAT") && length <= limits.maxItemBytes()) {
                    crc = streamingCrc(w, type, pos, length, head);
                }
                chunk = new Chunk(type, pos, length + 12, length, crc, false);
                chunks.add(chunk);
                if (type.equals("IHDR") && length == 13 && header == null) {
                    byte[] d = src.read(dataAt, 13);
                    header = new Header((int) Bytes.be32(d, 0), (int) Bytes.be32(d, 4), d[8] & 0xFF, d[9] & 0xFF,
                            d[12] & 0xFF);
                }
            }
            pos = dataAt + length + 4;
            if (type.equals("IEND")) {
                if (pos < size) {
                    w.problem(Problem.Kind.TRAILING, FORMAT, pos, size - pos, (size - pos)
                            + " bytes follow the IEND chunk.");
                }
                break;
            }
        }
        return new File(w, chunks, header, texts);
    }

    private static Chunk chunk(String type, long pos, long length) {
        return new Chunk(type, pos, length + 12, length, Crc.UNCHECKED, false);
    }

    private static Crc crc(Walk w, Chunk c, byte[] head, byte[] data) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(head, 4, 4);
        crc.update(data);
        long stored = Bytes.be32(w.src.read(c.dataOffset() + c.dataLength(), 4), 0);
        return check(w, c.type(), c.offset(), c.dataLength(), stored, crc.getValue());
    }

    private static Crc streamingCrc(Walk w, String type, long pos, long length, byte[] head) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(head, 4, 4);
        for (long done = 0; done < length; ) {
            int n = (int) Math.min(1 << 16, length - done);
            crc.update(w.src.read(pos + 8 + done, n));
            done += n;
        }
        long stored = Bytes.be32(w.src.read(pos + 8 + length, 4), 0);
        return check(w, type, pos, length, stored, crc.getValue());
    }

    private static Crc check(Walk w, String type, long pos, long length, long stored, long computed) {
        if (stored == computed) {
            return Crc.OK;
        }
        w.problem(Problem.Kind.CRC, type, pos, length + 12, String.format("The %s chunk at byte %d has CRC %08x but"
                + " its bytes give %08x: it was altered or damaged after it was written.", printable(type), pos,
                stored, computed));
        return Crc.BAD;
    }

    /** Decodes a text chunk (tEXt: keyword\0text; zTXt: keyword\0 method zlib; iTXt: see §11.3.3.4). */
    private static Text decode(Walk w, Chunk c, byte[] data) {
        String type = c.type();
        long dataAt = c.dataOffset();
        int nul = Bytes.indexOfNul(data, 0);
        if (nul < 1) {
            w.problem(Problem.Kind.MALFORMED, type, dataAt, data.length, "The " + type + " chunk at data byte "
                    + dataAt + " has no keyword.");
            return null;
        }
        String keyword = new String(data, 0, nul, StandardCharsets.ISO_8859_1);
        String scope = type + " " + keyword;
        switch (type) {
            case "tEXt" -> {
                byte[] body = Arrays.copyOfRange(data, nul + 1, data.length);
                return new Text(c, keyword, false, null, null, body,
                        org.exhibit.io.container.Text.latin1OrUtf8(body), dataAt + nul + 1);
            }
            case "zTXt" -> {
                byte[] z = Arrays.copyOfRange(data, Math.min(nul + 2, data.length), data.length);
                Walk.Inflated body = w.inflate(z, false);
                if (!body.ok()) {
                    unreadable(w, c, scope, keyword, body.failure(), body.reason());
                    return null;
                }
                return new Text(c, keyword, true, null, null, body.bytes(),
                        org.exhibit.io.container.Text.latin1OrUtf8(body.bytes()), -1);
            }
            default -> { // iTXt: keyword\0 flag method language\0 translated\0 text
                int p = nul + 1;
                if (p + 2 > data.length) {
                    unreadable(w, c, scope, keyword, Problem.Kind.MALFORMED, "ends inside its header");
                    return null;
                }
                boolean compressed = data[p] != 0;
                int lang = Bytes.indexOfNul(data, p + 2);
                int translated = lang < 0 ? -1 : Bytes.indexOfNul(data, lang + 1);
                if (translated < 0) {
                    unreadable(w, c, scope, keyword, Problem.Kind.MALFORMED,
                            "language tag or translated keyword not terminated");
                    return null;
                }
                byte[] raw = Arrays.copyOfRange(data, translated + 1, data.length);
                byte[] body = raw;
                if (compressed) {
                    Walk.Inflated z = w.inflate(raw, false);
                    if (!z.ok()) {
                        unreadable(w, c, scope, keyword, z.failure(), z.reason());
                        return null;
                    }
                    body = z.bytes();
                }
                return new Text(c, keyword, compressed, new String(data, p + 2, lang - p - 2, StandardCharsets.ISO_8859_1),
                        new String(data, lang + 1, translated - lang - 1, StandardCharsets.UTF_8), body,
                        org.exhibit.io.container.Text.UTF8, compressed ? -1 : dataAt + translated + 1);
            }
        }
    }

    private static void unreadable(Walk w, Chunk c, String scope, String keyword, Problem.Kind kind, String reason) {
        w.problem(kind, scope, c.dataOffset(), c.dataLength(), "The " + c.type() + " chunk '" + keyword
                + "' at data byte " + c.dataOffset() + " could not be read: " + reason + ".");
    }

    /** The type as the messages name it: four letters, else "(unnamed)". */
    static String printable(String type) {
        return type.matches("[A-Za-z]{4}") ? type : "(unnamed)";
    }

    /** The data of a compressed chunk other than text (iCCP: name\0 method zlib) inflated under the limits. */
    public static byte[] inflateProfile(File file, Chunk iccp) throws IOException {
        byte[] data = file.data(iccp);
        if (data == null) {
            return null;
        }
        int nul = Bytes.indexOfNul(data, 0);
        if (nul < 1 || nul + 2 > data.length) {
            file.walk.problem(Problem.Kind.MALFORMED, iccp.type(), iccp.dataOffset(), iccp.dataLength(), "The "
                    + iccp.type() + " chunk at data byte " + iccp.dataOffset() + " has no profile name.");
            return null;
        }
        Walk.Inflated z = file.walk.inflate(Arrays.copyOfRange(data, nul + 2, data.length), false);
        if (!z.ok()) {
            file.walk.problem(z.failure(), iccp.type(), iccp.dataOffset(), iccp.dataLength(), "The " + iccp.type()
                    + " chunk at data byte " + iccp.dataOffset() + " could not be read: " + z.reason() + ".");
            return null;
        }
        return z.bytes();
    }
}
