package org.exhibit.label;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Puts an XMP chunk into a WebP file. A simple (VP8/VP8L) file is turned into the extended format first, as the
 * container spec requires for metadata: a VP8X chunk with the canvas size read from the bitstream header.
 */
final class WebpWriter {

    private static final int XMP_FLAG = 0x04;
    private static final int ALPHA_FLAG = 0x10;

    private WebpWriter() {
    }

    static byte[] withXmp(byte[] in, byte[] packet) throws IOException {
        long end = Math.min(in.length, 8 + Bin.le32(in, 4));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        int p = 12;
        boolean first = true;
        while (p + 8 <= end) {
            String id = Bin.ascii(in, p, 4);
            long n = Bin.le32(in, p + 4);
            int total = (int) (8 + n + (n & 1));
            if (p + 8 + n > end) {
                throw new IOException("WebP chunk " + id + " runs past the RIFF size");
            }
            if (first && !id.equals("VP8X")) {
                body.writeBytes(vp8x(in, p + 8, id));
            }
            if (id.equals("VP8X")) {
                byte[] c = java.util.Arrays.copyOfRange(in, p, p + total);
                c[8] |= XMP_FLAG;
                body.writeBytes(c);
            } else if (!id.equals("XMP ")) {
                body.write(in, p, total);
            }
            first = false;
            p += total;
        }
        byte[] chunk = new byte[8 + packet.length + (packet.length & 1)];
        System.arraycopy("XMP ".getBytes(StandardCharsets.US_ASCII), 0, chunk, 0, 4);
        Bin.putLe32(chunk, 4, packet.length);
        System.arraycopy(packet, 0, chunk, 8, packet.length);
        body.writeBytes(chunk);
        byte[] b = body.toByteArray();
        byte[] out = new byte[8 + b.length];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, out, 0, 4);
        Bin.putLe32(out, 4, b.length);
        System.arraycopy(b, 0, out, 8, b.length);
        return out;
    }

    /** A VP8X chunk for a simple file whose image chunk (VP8 or VP8L) starts at {@code at}. */
    private static byte[] vp8x(byte[] in, int at, String id) throws IOException {
        int w;
        int h;
        int flags = XMP_FLAG;
        if (id.equals("VP8L") && in[at] == 0x2F) {
            long bits = Bin.le32(in, at + 1);
            w = (int) (bits & 0x3FFF) + 1;
            h = (int) ((bits >> 14) & 0x3FFF) + 1;
            flags |= ((bits >> 28) & 1) != 0 ? ALPHA_FLAG : 0;
        } else if (id.equals("VP8 ") && (in[at + 3] & 0xFF) == 0x9D && (in[at + 4] & 0xFF) == 0x01
                && (in[at + 5] & 0xFF) == 0x2A) {
            w = ((in[at + 6] & 0xFF) | (in[at + 7] & 0xFF) << 8) & 0x3FFF;
            h = ((in[at + 8] & 0xFF) | (in[at + 9] & 0xFF) << 8) & 0x3FFF;
        } else {
            throw new IOException("first WebP chunk '" + id + "' is not an image bitstream this writer understands");
        }
        byte[] c = new byte[18];
        System.arraycopy("VP8X".getBytes(StandardCharsets.US_ASCII), 0, c, 0, 4);
        Bin.putLe32(c, 4, 10);
        c[8] = (byte) flags;
        put24(c, 12, w - 1);
        put24(c, 15, h - 1);
        return c;
    }

    private static void put24(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >> 8);
        b[at + 2] = (byte) (v >> 16);
    }
}
