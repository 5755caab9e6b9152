package org.exhibit.io.container;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** Byte-exact structures for the container tests, built in code. */
final class Build {

    private Build() {
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] be32(long v) {
        return ByteBuffer.allocate(4).putInt((int) v).array();
    }

    static byte[] be16(int v) {
        return new byte[]{(byte) (v >> 8), (byte) v};
    }

    static byte[] le32(long v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array();
    }

    /** zlib data of {@code mib} MiB of zeros, deflated as it is generated (never held whole). */
    static byte[] zerosDeflated(int mib) throws IOException {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(z, new Deflater(9))) {
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < mib; i++) {
                d.write(block);
            }
        }
        return z.toByteArray();
    }

    static byte[] zlib(byte[] data) {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(z)) {
            d.write(data);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return z.toByteArray();
    }

    /** An ISO-BMFF box with a 32-bit size. */
    static byte[] box(String type, byte[]... body) {
        byte[] b = concat(body);
        return concat(be32(8 + b.length), ascii(type), b);
    }

    /** A RIFF chunk, padded to an even length. */
    static byte[] riffChunk(String id, byte[] data) {
        return concat(ascii(id), le32(data.length), data, new byte[data.length & 1]);
    }

    static byte[] riff(String form, byte[]... chunks) {
        byte[] body = concat(ascii(form), concat(chunks));
        return concat(ascii("RIFF"), le32(body.length), body);
    }

    /** A JPEG marker segment. */
    static byte[] segment(int marker, byte[] payload) {
        return concat(new byte[]{(byte) 0xFF, (byte) marker}, be16(payload.length + 2), payload);
    }
}
