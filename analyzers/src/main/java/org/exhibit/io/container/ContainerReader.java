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
}
