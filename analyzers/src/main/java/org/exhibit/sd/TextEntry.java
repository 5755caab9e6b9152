package org.exhibit.sd;

/**
 * A text item found in a file (a PNG text chunk, an EXIF UserComment, an XMP property, stealth pixel data),
 * decoded, with where it lies.
 */
public record TextEntry(String keyword, String text, Source source) {
}
