package org.exhibit.sd.noise;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * NumPy's {@code .npy} format, version 1.0, for a C-order little-endian float32 array: magic {@code \x93NUMPY},
 * version 1.0, a 16-bit little-endian header length, a Python-literal header dict padded with spaces to a
 * multiple of 64 bytes and ended by a newline, then the raw data ({@code numpy.lib.format}). {@code np.load}
 * reads it as written.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private Npy() {
    }

    public static byte[] float32(float[] data, int... shape) {
        long count = Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
        if (count != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count
                    + " values, not " + data.length);
        }
        String dims = Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        if (shape.length == 1) {
            dims += ",";
        }
        StringBuilder header = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }");
        int unpadded = MAGIC.length + 2 + header.length() + 1;
        header.append(" ".repeat((64 - unpadded % 64) % 64)).append('\n');
        byte[] h = header.toString().getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(MAGIC.length + 2 + h.length + data.length * 4);
        out.writeBytes(MAGIC);
        out.write(h.length & 0xff);
        out.write(h.length >>> 8);
        out.writeBytes(h);
        out.writeBytes(littleEndian(data));
        return out.toByteArray();
    }

    /** The float32 values as little-endian bytes (what the .npy body and the reports' SHA-256 cover). */
    public static byte[] littleEndian(float[] data) {
        ByteBuffer b = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(data);
        return b.array();
    }
}
