package org.exhibit.io.container;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Read-only random access to an input's bytes: a file opened for reading only, or bytes in memory. Containers are
 * walked item by item through it, so a large video is never read whole to find a label in its header. It reads
 * exactly what it is asked for; the container readers decide, under {@link org.exhibit.io.Limits}, what to ask.
 */
public final class ByteSource implements AutoCloseable {

    private final FileChannel channel;
    private final byte[] bytes;
    private final long size;

    private ByteSource(FileChannel channel, byte[] bytes, long size) {
        this.channel = channel;
        this.bytes = bytes;
        this.size = size;
    }

    public static ByteSource open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        return new ByteSource(ch, null, ch.size());
    }

    public static ByteSource of(byte[] data) {
        return new ByteSource(null, data, data.length);
    }

    public long size() {
        return size;
    }

    /** Exactly {@code length} bytes at {@code offset}; fails when they run past the end. */
    public byte[] read(long offset, long length) throws IOException {
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
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

    /** Up to {@code length} bytes at {@code offset}, fewer at the end of the file (none past it). */
    public byte[] readUpTo(long offset, long length) throws IOException {
        if (offset >= size) {
            return new byte[0];
        }
        return read(offset, Math.max(0, Math.min(length, size - offset)));
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
