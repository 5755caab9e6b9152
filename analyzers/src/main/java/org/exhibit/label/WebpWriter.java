package org.exhibit.label;

import org.exhibit.io.container.Bytes;
import org.exhibit.io.Limits;
import org.exhibit.io.container.ByteSource;
import org.exhibit.io.container.Riff;
import org.exhibit.io.container.Webp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Puts an XMP chunk into a WebP file. A simple (VP8/VP8L) file is turned into the extended format first, as the
 * container spec requires for metadata: a VP8X chunk with the canvas size read from the bitstream header.
 */
final class WebpWriter {

    private static final int XMP_FLAG = Webp.XMP_FLAG;
    private static final int ALPHA_FLAG = Webp.ALPHA_FLAG;

    private WebpWriter() {
    }

    static byte[] withXmp(byte[] in, byte[] packet) throws IOException {
        Riff.File riff = Riff.read(ByteSource.of(in), Limits.DEFAULT);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        boolean first = true;
        for (Riff.Chunk c : riff.chunks()) {
            String id = c.id();
            if (c.truncated()) {
                throw new IOException("WebP chunk " + id + " runs past the RIFF size");
            }
            int p = (int) c.offset();
            int total = (int) Math.min(8 + c.dataLength() + (c.dataLength() & 1), in.length - c.offset());
            if (first && !id.equals("VP8X")) {
                body.writeBytes(vp8x(riff, c));
            }
            if (id.equals("VP8X")) {
                byte[] x = java.util.Arrays.copyOfRange(in, p, p + total);
                x[8] |= XMP_FLAG;
                body.writeBytes(x);
            } else if (!id.equals("XMP ")) {
                body.write(in, p, total);
            }
            first = false;
        }
        byte[] chunk = new byte[8 + packet.length + (packet.length & 1)];
        System.arraycopy("XMP ".getBytes(StandardCharsets.US_ASCII), 0, chunk, 0, 4);
        Bytes.putLe32(chunk, 4, packet.length);
        System.arraycopy(packet, 0, chunk, 8, packet.length);
        body.writeBytes(chunk);
        byte[] b = body.toByteArray();
        byte[] out = new byte[8 + b.length];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, out, 0, 4);
        Bytes.putLe32(out, 4, b.length);
        System.arraycopy(b, 0, out, 8, b.length);
        return out;
    }

    /** A VP8X chunk for a simple file whose image chunk (VP8 or VP8L) is {@code image}. */
    private static byte[] vp8x(Riff.File riff, Riff.Chunk image) throws IOException {
        Webp.Size size = Webp.bitstream(riff, image);
        if (size == null) {
            throw new IOException("first WebP chunk '" + image.id() + "' is not an image bitstream this writer understands");
        }
        byte[] c = new byte[18];
        System.arraycopy("VP8X".getBytes(StandardCharsets.US_ASCII), 0, c, 0, 4);
        Bytes.putLe32(c, 4, 10);
        c[8] = (byte) (XMP_FLAG | (size.alpha() ? ALPHA_FLAG : 0));
        put24(c, 12, size.width() - 1);
        put24(c, 15, size.height() - 1);
        return c;
    }

    private static void put24(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >> 8);
        b[at + 2] = (byte) (v >> 16);
    }
}
