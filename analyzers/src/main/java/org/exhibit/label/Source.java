package org.exhibit.label;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Read-only random access to an input's bytes: a file opened for reading only, or bytes in memory. Carriers are
 * walked box by box through it, so a large video is never read whole to find a label in its header.
 */
public final class Source implements AutoCloseable {

    private final FileChannel channel;
    private final byte[] bytes;
    private final long size;

    private Source(FileChannel channel, byte[] bytes, long size) {
        this.channel = channel;
        this.bytes = bytes;
        this.size = size;
    }

    public static Source open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        return new Source(ch, null, ch.size());
    }

    public static Source of(byte[] data) {
        return new Source(null, data, data.length);
    }

    public long size() {
        return size;
    }

    /** Exactly {@code length} bytes at {@code offset}; fails when they run past the end. */
    public byte[] read(long offset, long length) throws IOException {
        if (offset < 0 || length < 0 || offset + length > size) {
            throw new IOException("structure points past the end of the file (offset " + offset + ", length "
                    + length + ", file " + size + " bytes)");
        }
        if (length > Integer.MAX_VALUE - 16) {
            throw new IOException("a " + length + "-byte structure is too large to read");
        }
        byte[] out = new byte[(int) length];
        if (bytes != null) {
            System.arraycopy(bytes, (int) offset, out, 0, out.length);
            return out;
        }
        ByteBuffer buf = ByteBuffer.wrap(out);
        while (buf.hasRemaining()) {
            if (channel.read(buf, offset + buf.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        return out;
    }

    /** Up to {@code length} bytes at {@code offset}, fewer at the end of the file. */
    public byte[] readUpTo(long offset, long length) throws IOException {
        return read(offset, Math.max(0, Math.min(length, size - offset)));
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
