package org.exhibit.io.container;

/**
 * Something wrong with a container, found while walking it: the walk goes on where it can, and the caller turns
 * each problem into a finding. Never thrown.
 *
 * @param kind    what went wrong
 * @param scope   the structure concerned, in the format's own terms: a chunk type ("tEXt"), a marker ("APP1"), a
 *                box path ("moov/udta"), an IFD ("IFD0/Exif"), an IFD entry ("IFD0/Exif:37510"), or the format
 *                name for the file as a whole
 * @param offset  file offset of the affected bytes, or -1
 * @param length  their byte count, or 0
 * @param message one plain sentence, with the byte offset
 */
public record Problem(Kind kind, String scope, long offset, long length, String message) {

    public enum Kind {
        /** the file ends inside the structure */
        TRUNCATED,
        /** a length or offset points outside the structure that holds it */
        OUT_OF_BOUNDS,
        /** bytes that do not follow the format */
        MALFORMED,
        /** an offset leads back to a structure already read */
        LOOP,
        /** a stored checksum does not match the bytes */
        CRC,
        /** bytes after the container's end */
        TRAILING,
        /** a feature the reader does not undo (encryption, unsynchronisation) */
        UNSUPPORTED,
        /** decompressed data would pass {@code Limits.maxInflatedBytes} (or what is left of {@code maxTotalBytes}) */
        BOMB,
        /** an item is larger than {@code Limits.maxItemBytes}, or the file's {@code maxTotalBytes} is spent */
        TOO_LARGE,
        /** more items than {@code Limits.maxItems} */
        TOO_MANY,
        /** nesting deeper than {@code Limits.maxDepth} */
        TOO_DEEP
    }

    /** True when a bound of {@code Limits} stopped the reader (as opposed to damage in the file). */
    public boolean limitReached() {
        return kind == Kind.BOMB || kind == Kind.TOO_LARGE || kind == Kind.TOO_MANY || kind == Kind.TOO_DEEP;
    }

    @Override
    public String toString() {
        return kind + " " + scope + ": " + message;
    }
}
