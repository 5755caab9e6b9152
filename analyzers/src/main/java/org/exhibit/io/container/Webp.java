package org.exhibit.io.container;

import java.io.IOException;

/**
 * What a WebP's RIFF chunks say about the picture (Google's WebP container spec): the VP8X flags and canvas, or
 * the size in the VP8 / VP8L bitstream header. Metadata chunks (EXIF, XMP, C2PA) are plain {@link Riff} chunks.
 */
public final class Webp {

    public static final int ICC_FLAG = 0x20;
    public static final int ALPHA_FLAG = 0x10;
    public static final int EXIF_FLAG = 0x08;
    public static final int XMP_FLAG = 0x04;
    public static final int ANIMATION_FLAG = 0x02;

    /** Width and height in pixels, and whether the bitstream says it has alpha (VP8L only). */
    public record Size(int width, int height, boolean alpha) {
    }

    private Webp() {
    }

    /** True for a RIFF whose form type is WEBP. */
    public static boolean isWebp(byte[] head) {
        return Riff.READER.accepts(head) && Bytes.startsWith(head, 8, "WEBP");
    }

    /**
     * The canvas: from VP8X when present, else from the first VP8 or VP8L chunk's header (read leniently, as
     * decoders do: the frame size fields without checking the start code). Null when none says.
     */
    public static Size canvas(Riff.File file) throws IOException {
        Size dims = null;
        for (Riff.Chunk c : file.chunks()) {
            if (c.truncated()) {
                continue;
            }
            switch (c.id()) {
                case "VP8X" -> {
                    byte[] d = file.source().readUpTo(c.dataOffset(), Math.min(c.dataLength(), 30));
                    if (d.length >= 10) {
                        dims = new Size(1 + Bytes.u24le(d, 4), 1 + Bytes.u24le(d, 7), (d[0] & ALPHA_FLAG) != 0);
                    }
                }
                case "VP8 " -> {
                    byte[] d = file.source().readUpTo(c.dataOffset(), Math.min(c.dataLength(), 30));
                    if (dims == null && d.length >= 10) {
                        dims = new Size(Bytes.le16(d, 6) & 0x3FFF, Bytes.le16(d, 8) & 0x3FFF, false);
                    }
                }
                case "VP8L" -> {
                    byte[] d = file.source().readUpTo(c.dataOffset(), Math.min(c.dataLength(), 30));
                    if (dims == null && d.length >= 5) {
                        long bits = Bytes.le32(d, 1);
                        dims = new Size((int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1,
                                ((bits >> 28) & 1) != 0);
                    }
                }
                default -> {
                }
            }
        }
        return dims;
    }

    /**
     * The size in a VP8 or VP8L chunk's bitstream header, checked strictly (VP8 start code 9D 01 2A, VP8L signature
     * 0x2F); null when the chunk is neither or its header does not check.
     */
    public static Size bitstream(Riff.File file, Riff.Chunk c) throws IOException {
        byte[] d = file.source().readUpTo(c.dataOffset(), Math.min(c.dataLength(), 30));
        if (c.id().equals("VP8L") && d.length >= 5 && d[0] == 0x2F) {
            long bits = Bytes.le32(d, 1);
            return new Size((int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1, ((bits >> 28) & 1) != 0);
        }
        if (c.id().equals("VP8 ") && d.length >= 10 && (d[3] & 0xFF) == 0x9D && (d[4] & 0xFF) == 0x01
                && (d[5] & 0xFF) == 0x2A) {
            return new Size(Bytes.le16(d, 6) & 0x3FFF, Bytes.le16(d, 8) & 0x3FFF, false);
        }
        return null;
    }
}
