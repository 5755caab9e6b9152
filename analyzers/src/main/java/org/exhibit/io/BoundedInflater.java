package org.exhibit.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

/** Decompression that stops at a byte limit instead of filling memory: the zTXt / gzip bomb guard. */
public final class BoundedInflater {

    /** The output would pass the limit: a decompression bomb, or simply more than is allowed. */
    public static final class LimitExceeded extends IOException {
        public LimitExceeded(String message) {
            super(message);
        }
    }

    private static final int BLOCK = 1 << 16;

    private BoundedInflater() {
    }

    /** Inflates zlib data (PNG zTXt, compressed iTXt); throws when the output would pass {@code limit}. */
    public static byte[] zlib(byte[] compressed, long limit) throws IOException {
        return inflate(compressed, false, limit);
    }

    /**
     * Inflates zlib ({@code nowrap} false) or raw deflate data. The output is gathered in blocks and joined once at
     * the end, so a bomb costs at most {@code limit} bytes of memory before it is refused.
     */
    public static byte[] inflate(byte[] compressed, boolean nowrap, long limit) throws IOException {
        Inflater inflater = new Inflater(nowrap);
        try {
            inflater.setInput(compressed);
            List<byte[]> blocks = new ArrayList<>();
            long total = 0;
            byte[] buffer = new byte[BLOCK];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("compressed data ends early");
                }
                if (total + n > limit) {
                    throw new LimitExceeded("inflates past the limit of " + limit + " bytes (decompression bomb?)");
                }
                if (n > 0) {
                    blocks.add(java.util.Arrays.copyOf(buffer, n));
                    total += n;
                }
            }
            byte[] out = new byte[(int) total];
            int at = 0;
            for (byte[] b : blocks) {
                System.arraycopy(b, 0, out, at, b.length);
                at += b.length;
            }
            return out;
        } catch (DataFormatException e) {
            throw new IOException("corrupt compressed data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /** Reads a gzip stream whole; throws when the output would pass {@code limit}. */
    public static byte[] gzip(byte[] compressed, long limit) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
            return readBounded(in, limit);
        }
    }

    /** Reads a stream whole; throws when it would pass {@code limit}. */
    public static byte[] readBounded(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[BLOCK];
        for (int n; (n = in.read(buffer)) > 0; ) {
            if (out.size() + (long) n > limit) {
                throw new LimitExceeded("data passes the limit of " + limit + " bytes (decompression bomb?)");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
