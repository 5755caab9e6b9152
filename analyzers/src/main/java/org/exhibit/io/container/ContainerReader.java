package org.exhibit.io.container;

import org.exhibit.io.Limits;

import java.io.IOException;

/**
 * One reader per container format, behind one interface (as c2pa-rs puts each asset handler behind one trait and
 * metadata-extractor gives each format its own reader): it says whether it takes a file, by the file's first
 * bytes, and walks it under {@link Limits}. Damage and bounds become {@link Problem}s in the result; only a failure
 * of the source itself (an I/O error) is thrown.
 */
public interface ContainerReader<C extends Container> {

    /** The format's name, as {@link Container#format()} gives it. */
    String format();

    /** True when {@code head} (the file's first bytes, up to 16) starts a container of this format. */
    boolean accepts(byte[] head);

    C read(ByteSource source, Limits limits) throws IOException;

    /** How a format's read method looks, for {@link #of}. */
    @FunctionalInterface
    interface Read<C> {
        C read(ByteSource source, Limits limits) throws IOException;
    }

    /** A reader from its three parts: name, signature test, read method. */
    static <C extends Container> ContainerReader<C> of(String format, java.util.function.Predicate<byte[]> accepts,
                                                      Read<C> read) {
        return new ContainerReader<>() {
            @Override
            public String format() {
                return format;
            }

            @Override
            public boolean accepts(byte[] head) {
                return accepts.test(head);
            }

            @Override
            public C read(ByteSource source, Limits limits) throws IOException {
                return read.read(source, limits);
            }
        };
    }
}
