package org.exhibit.io.container;

/**
 * One structure of a container: a PNG chunk, a JPEG segment, a RIFF chunk, an ISO-BMFF box, a TIFF IFD entry, an
 * ID3v2 frame, a FLAC block, an Ogg page, a GIF block. Every item says where it lies in the file.
 */
public interface Item {

    /** The format's name for it: "tEXt", "APP1", "LIST", "moov", "37510", "TXXX"... */
    String type();

    /** Where it sits: the type for a top-level item, "moov/udta/meta" for a nested box, the IFD for a TIFF entry. */
    default String path() {
        return type();
    }

    /** First byte of the item (its header), from the start of the file. */
    long offset();

    /** Bytes from {@link #offset()} to the item's end, header included (as far as the file goes when truncated). */
    long length();

    /** First byte of the payload. */
    long dataOffset();

    /** Payload bytes, as declared by the item (may pass the end of a truncated file). */
    long dataLength();

    /** True when the file ends before the item does. */
    default boolean truncated() {
        return false;
    }

    default long end() {
        return offset() + length();
    }
}
