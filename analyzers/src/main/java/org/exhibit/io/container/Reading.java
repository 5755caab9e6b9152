package org.exhibit.io.container;

import org.exhibit.io.Limits;

import java.io.IOException;
import java.util.Collections;
import java.util.List;

/**
 * The common part of every reader's result: the format, the problems, and bounded access to item payloads. Reading
 * a payload later (through {@link #data(Item)}) still counts against the same bounds, and any refusal is added to
 * {@link #problems()}.
 */
public abstract class Reading implements Container {

    final Walk walk;

    Reading(Walk walk) {
        this.walk = walk;
    }

    @Override
    public String format() {
        return walk.format;
    }

    @Override
    public List<Problem> problems() {
        return Collections.unmodifiableList(walk.problems);
    }

    public ByteSource source() {
        return walk.src;
    }

    public Limits limits() {
        return walk.limits;
    }

    /**
     * The item's payload (the part the file holds, for a truncated item), or null, with a problem, when it is larger
     * than {@code maxItemBytes} or the file's {@code maxTotalBytes} is spent.
     */
    public byte[] data(Item item) throws IOException {
        return walk.payload(item.dataOffset(), item.dataLength(), item.path(), format() + " " + item.type(),
                item.offset(), item.length());
    }

    /** {@code length} bytes at {@code offset}, under the same bounds as {@link #data(Item)}. */
    public byte[] data(long offset, long length, String scope) throws IOException {
        return walk.payload(offset, length, scope, format() + " " + scope);
    }
}
