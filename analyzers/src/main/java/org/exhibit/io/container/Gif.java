package org.exhibit.io.container;

import org.exhibit.io.Limits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * GIF blocks (GIF89a spec): header and logical screen descriptor, colour tables, image descriptors with their
 * image data, and extension blocks (graphic control, comment, plain text, application) with their data sub-blocks.
 * The XMP application extension ("XMP DataXMP") stores its packet raw, not as sub-blocks, followed by a 258-byte
 * "magic trailer" that lets a sub-block reader step over it; its packet is located.
 */
public final class Gif {

    public static final String FORMAT = "GIF";
    static final String XMP_APP = "XMP DataXMP";

    public static final ContainerReader<File> READER = ContainerReader.of(FORMAT,
            head -> Bytes.startsWith(head, 0, "GIF87a") || Bytes.startsWith(head, 0, "GIF89a"), Gif::read);

    /**
     * One block.
     *
     * @param type        "header", "image", "extension" or "trailer"
     * @param label       an extension's label byte (0xF9 graphic control, 0xFE comment, 0x01 plain text, 0xFF
     *                    application), else -1
     * @param application an application extension's identifier and code ("XMP DataXMP"), else null
     * @param dataOffset  the first sub-block (or, for XMP, the packet)
     */
    public record Block(String type, int label, String application, long offset, long length, long dataOffset,
                        boolean truncated) implements Item {
        @Override
        public long dataLength() {
            return offset + length - dataOffset;
        }
    }

    /** The walk's result. */
    public static final class File extends Reading {
        private final List<Block> blocks;

        File(Walk walk, List<Block> blocks) {
            super(walk);
            this.blocks = Collections.unmodifiableList(blocks);
        }

        public List<Block> blocks() {
            return blocks;
        }

        @Override
        public List<Block> items() {
            return blocks;
        }

        /** An extension's data sub-blocks joined; null (with a problem) past the bounds. */
        public byte[] subBlocks(Block b) throws IOException {
            byte[] raw = data(b);
            if (raw == null) {
                return null;
            }
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            int p = 0;
            while (p < raw.length && raw[p] != 0) {
                int n = raw[p] & 0xFF;
                o.write(raw, p + 1, Math.min(n, raw.length - p - 1));
                p += 1 + n;
            }
            return o.toByteArray();
        }

        /**
         * The XMP packet of an "XMP DataXMP" extension, from its first byte through the "?>" that closes its
         * {@code <?xpacket end...} instruction; null when it has none or passes the bounds.
         */
        public byte[] xmpPacket(Block b) throws IOException {
            byte[] raw = data(b);
            if (raw == null) {
                return null;
            }
            int stop = Bytes.indexOf(raw, "<?xpacket end".getBytes(StandardCharsets.US_ASCII), 0);
            int close = stop < 0 ? -1 : Bytes.indexOf(raw, "?>".getBytes(StandardCharsets.US_ASCII), stop);
            return close < 0 ? null : java.util.Arrays.copyOf(raw, close + 2);
        }
    }

    private Gif() {
    }

    public static File read(ByteSource src, Limits limits) throws IOException {
        Walk w = new Walk(src, limits, FORMAT);
        List<Block> blocks = new ArrayList<>();
        Cursor c = new Cursor(src);
        long size = src.size();
        if (size < 13) {
            w.problem(Problem.Kind.TRUNCATED, FORMAT, 0, size, "The GIF ends inside its logical screen descriptor.");
            return new File(w, blocks);
        }
        byte[] lsd = src.read(0, 13);
        long p = 13;
        if ((lsd[10] & 0x80) != 0) {
            p += 3L * (1 << ((lsd[10] & 7) + 1));
        }
        blocks.add(new Block("header", -1, null, 0, Math.min(p, size), Math.min(p, size), p > size));
        while (true) {
            if (p >= size) {
                w.problem(Problem.Kind.TRUNCATED, FORMAT, p, 0, "The GIF ends at byte " + p + " before its trailer.");
                break;
            }
            if (!w.admit(FORMAT, p)) {
                break;
            }
            int b = c.at(p);
            if (b == 0x3B) {
                blocks.add(new Block("trailer", -1, null, p, 1, p + 1, false));
                if (p + 1 < size) {
                    w.problem(Problem.Kind.TRAILING, FORMAT, p + 1, size - p - 1, (size - p - 1)
                            + " bytes follow the GIF trailer.");
                }
                break;
            } else if (b == 0x2C) {
                if (p + 10 > size) {
                    truncated(w, blocks, "image", -1, p, size);
                    break;
                }
                int flags = c.at(p + 9);
                long data = p + 10 + ((flags & 0x80) != 0 ? 3L * (1 << ((flags & 7) + 1)) : 0) + 1; // + LZW size
                long end = skipSubBlocks(c, data, size);
                if (end < 0) {
                    truncated(w, blocks, "image", -1, p, size);
                    break;
                }
                blocks.add(new Block("image", -1, null, p, end - p, data, false));
                p = end;
            } else if (b == 0x21) {
                if (p + 2 > size) {
                    truncated(w, blocks, "extension", -1, p, size);
                    break;
                }
                int label = c.at(p + 1);
                String app = null;
                long data = p + 2;
                if (label == 0xFF && p + 14 <= size && c.at(p + 2) == 11) {
                    app = Bytes.ascii(src.read(p + 3, 11), 0, 11);
                    data = p + 14;
                }
                long end = skipSubBlocks(c, data, size);
                if (end < 0) {
                    blocks.add(new Block("extension", label, app, p, size - p, Math.min(data, size), true));
                    w.problem(Problem.Kind.TRUNCATED, "extension", p, size - p, "The GIF extension block at byte " + p
                            + " runs past the end of the file.");
                    break;
                }
                blocks.add(new Block("extension", label, app, p, end - p, data, false));
                p = end;
            } else {
                w.problem(Problem.Kind.MALFORMED, FORMAT, p, 0, "GIF block expected at byte " + p);
                break;
            }
        }
        return new File(w, blocks);
    }

    private static void truncated(Walk w, List<Block> blocks, String type, int label, long p, long size) {
        blocks.add(new Block(type, label, null, p, size - p, Math.min(size, p + 2), true));
        w.problem(Problem.Kind.TRUNCATED, type, p, size - p, "The GIF " + type + " block at byte " + p
                + " runs past the end of the file.");
    }

    /** The offset after the zero-length block that ends the sub-blocks from {@code p}; -1 when the file ends first. */
    private static long skipSubBlocks(Cursor c, long p, long size) throws IOException {
        while (p < size) {
            int n = c.at(p);
            if (n == 0) {
                return p + 1;
            }
            p += 1 + n;
        }
        return -1;
    }

    /** Byte-at-a-time access through a 64 KiB window. */
    private static final class Cursor {
        private final ByteSource src;
        private byte[] window = new byte[0];
        private long start;

        Cursor(ByteSource src) {
            this.src = src;
        }

        int at(long p) throws IOException {
            if (p < start || p >= start + window.length) {
                start = p;
                window = src.readUpTo(p, 1 << 16);
            }
            return window[(int) (p - start)] & 0xFF;
        }
    }
}
