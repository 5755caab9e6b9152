package org.exhibit.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

/** Decompression that stops at a byte limit instead of filling memory: the zTXt / gzip bomb guard. */
public final class BoundedInflater {

    private BoundedInflater() {
    }

    /** Inflates zlib data (PNG zTXt, compressed iTXt); throws when the output would pass {@code limit}. */
    public static byte[] zlib(byte[] compressed, long limit) throws IOException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[1 << 16];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("compressed data ends early");
                }
                if (out.size() + (long) n > limit) {
                    throw new IOException("inflates past the limit of " + limit + " bytes (decompression bomb?)");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
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
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
            if (out.size() + (long) n > limit) {
                throw new IOException("data passes the limit of " + limit + " bytes (decompression bomb?)");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
