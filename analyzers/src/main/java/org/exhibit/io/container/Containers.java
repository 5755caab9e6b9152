package org.exhibit.io.container;

import org.exhibit.io.Limits;

import java.io.IOException;
import java.util.List;

/**
 * The one place that knows every container reader, chosen by the file's leading bytes (never its name). A new
 * container format is one more {@link ContainerReader} in {@link #READERS}.
 */
public final class Containers {

    /** Every reader, in the order they are asked. */
    public static final List<ContainerReader<?>> READERS = List.of(Png.READER, Jpeg.READER, Riff.READER, Gif.READER,
            Tiff.READER, Id3v2.READER, Flac.READER, Ogg.READER, Bmff.READER);

    private Containers() {
    }

    /** The reader for a file that starts with {@code head} (its first 16 bytes or fewer), or null. */
    public static ContainerReader<?> readerFor(byte[] head) {
        for (ContainerReader<?> r : READERS) {
            if (r.accepts(head)) {
                return r;
            }
        }
        return null;
    }

    /** The container walked by the reader its first bytes call for, or null when no reader takes it. */
    public static Container read(ByteSource src, Limits limits) throws IOException {
        ContainerReader<?> r = readerFor(src.readUpTo(0, 16));
        return r == null ? null : r.read(src, limits);
    }
}
