package org.exhibit.sd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Where a record was read in the file.
 *
 * @param carrier    the structure that held it: "PNG tEXt", "PNG iTXt", "PNG zTXt", "EXIF UserComment",
 *                   "alpha LSB (stealth_pnginfo)", "XMP"...
 * @param keyword    the PNG keyword / EXIF tag name / JSON key, e.g. "parameters"
 * @param offset     file offset of the carrier's data (PNG: the chunk data after length and type; EXIF: the
 *                   UserComment value including its 8-byte character code)
 * @param length     byte length of that data
 * @param textOffset file offset of the text's first byte when the text is stored uncompressed, else null
 * @param encoding   how the text is stored from {@code textOffset} ("ISO-8859-1", "UTF-8", "UTF-16BE",
 *                   "UTF-16LE"), or null when compressed / not byte-addressable
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"carrier", "keyword", "offset", "length", "textOffset", "encoding"})
public record Source(String carrier, String keyword, long offset, long length, Long textOffset, String encoding) {

    /** "PNG iTXt parameters" */
    public String describe() {
        return keyword == null ? carrier : carrier + " " + keyword;
    }

    /**
     * The file offset of character {@code charIndex} of {@code text} (the text as read from this source), or null
     * when the text is compressed or hidden in pixels and so has no byte of its own in the file.
     */
    public Long fileOffset(String text, int charIndex) {
        if (textOffset == null || encoding == null || charIndex < 0 || charIndex > text.length()) {
            return null;
        }
        return textOffset + byteLength(text.substring(0, charIndex));
    }

    /** Byte length of {@code part} in this source's encoding, or null when not byte-addressable. */
    public Long byteLength(String part) {
        if (encoding == null) {
            return null;
        }
        return (long) part.getBytes(charset()).length;
    }

    private Charset charset() {
        return switch (encoding) {
            case "UTF-8" -> StandardCharsets.UTF_8;
            case "UTF-16BE" -> StandardCharsets.UTF_16BE;
            case "UTF-16LE" -> StandardCharsets.UTF_16LE;
            default -> StandardCharsets.ISO_8859_1;
        };
    }
}
