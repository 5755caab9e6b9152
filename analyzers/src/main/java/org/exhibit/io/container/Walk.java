package org.exhibit.io.container;

import org.exhibit.io.BoundedInflater;
import org.exhibit.io.Limits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one walk: the source, the bounds, the problems met, how many items were listed and how many bytes
 * were materialised. Every read of a payload and every decompression goes through here, so the bounds of
 * {@link Limits} are kept in one place. Readers of nested containers (a TIFF block inside a JPEG segment) share
 * their parent's byte budget.
 */
final class Walk {

    /** The outcome of one decompression: the bytes, or why there are none. */
    record Inflated(byte[] bytes, Problem.Kind failure, String reason) {
        boolean ok() {
            return bytes != null;
        }
    }

    final ByteSource src;
    final Limits limits;
    final String format;
    final List<Problem> problems = new ArrayList<>();
    private final long[] spent;
    private int items;
    private boolean tooMany;

    Walk(ByteSource src, Limits limits, String format) {
        this(src, limits, format, new long[1]);
    }

    private Walk(ByteSource src, Limits limits, String format, long[] spent) {
        this.src = src;
        this.limits = limits;
        this.format = format;
        this.spent = spent;
    }

    /** A walk of a container nested in this one: its own problems and item count, this walk's byte budget. */
    Walk nested(String nestedFormat) {
        return new Walk(src, limits, nestedFormat, spent);
    }

    long size() {
        return src.size();
    }

    void problem(Problem.Kind kind, String scope, long offset, long length, String message) {
        problems.add(new Problem(kind, scope, offset, length, message));
    }

    boolean hasTruncation() {
        return problems.stream().anyMatch(p -> p.kind() == Problem.Kind.TRUNCATED);
    }

    /** Counts one more item; false (with one problem, the first time) once {@code maxItems} are listed. */
    boolean admit(String scope, long offset) {
        if (items >= limits.maxItems()) {
            if (!tooMany) {
                tooMany = true;
                problem(Problem.Kind.TOO_MANY, scope, offset, 0, "The " + format + " holds more than "
                        + limits.maxItems() + " items; the rest, from byte " + offset + " on, was not read.");
            }
            return false;
        }
        items++;
        return true;
    }

    /** True when {@code depth} is within {@code maxDepth}; else a problem, and the caller does not descend. */
    boolean within(int depth, String scope, long offset, long length) {
        if (depth > limits.maxDepth()) {
            problem(Problem.Kind.TOO_DEEP, scope, offset, length, "The " + format + " structure " + scope + " at byte "
                    + offset + " is nested more than " + limits.maxDepth() + " levels deep; what it holds was not read.");
            return false;
        }
        return true;
    }

    /**
     * {@code length} bytes at {@code offset} (fewer where the file ends first), or null with a problem when they
     * pass {@code maxItemBytes} or the walk's {@code maxTotalBytes}. {@code what} names the item in the message
     * ("tEXt chunk").
     */
    byte[] payload(long offset, long length, String scope, String what, long itemOffset, long itemLength)
            throws IOException {
        if (length > limits.maxItemBytes()) {
            problem(Problem.Kind.TOO_LARGE, scope, itemOffset, itemLength, "The " + what + " at byte " + itemOffset
                    + " holds " + length + " bytes, over the limit of " + limits.maxItemBytes() + "; it was not read.");
            return null;
        }
        long available = Math.max(0, Math.min(length, src.size() - offset));
        if (!charge(available, scope, what, itemOffset, itemLength)) {
            return null;
        }
        return src.read(offset, available);
    }

    byte[] payload(long offset, long length, String scope, String what) throws IOException {
        return payload(offset, length, scope, what, offset, length);
    }

    /** Takes {@code n} bytes from the budget; false (with a problem) when it would pass {@code maxTotalBytes}. */
    boolean charge(long n, String scope, String what, long offset, long length) {
        if (spent[0] + n > limits.maxTotalBytes()) {
            problem(Problem.Kind.TOO_LARGE, scope, offset, length, "Reading the " + what + " at byte " + offset
                    + " would pass the limit of " + limits.maxTotalBytes() + " bytes read from this file's structures;"
                    + " it was not read.");
            return false;
        }
        spent[0] += n;
        return true;
    }

    /** Inflates zlib data ({@code raw}: headerless deflate) within {@code maxInflatedBytes} and the byte budget. */
    Inflated inflate(byte[] compressed, boolean raw) {
        long left = limits.maxTotalBytes() - spent[0];
        long limit = Math.min(limits.maxInflatedBytes(), Math.max(0, left));
        try {
            byte[] out = BoundedInflater.inflate(compressed, raw, limit);
            spent[0] += out.length;
            return new Inflated(out, null, null);
        } catch (BoundedInflater.LimitExceeded e) {
            return new Inflated(null, Problem.Kind.BOMB, limit < limits.maxInflatedBytes() ? "inflates past the " + limit + " bytes left of the limit of "
                            + limits.maxTotalBytes() + " bytes read from this file's structures" : e.getMessage());
        } catch (IOException e) {
            return new Inflated(null, Problem.Kind.MALFORMED, e.getMessage());
        }
    }
}
