package org.exhibit.label;

import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;

/**
 * Where a carrier's bytes lie in the file.
 *
 * @param carrier the structure, e.g. "PNG iTXt", "JPEG APP1 XMP", "ID3v2 TXXX"
 * @param field   the key inside it, e.g. "AIGC", "TC260:AIGC"
 * @param offset  first byte from the start of the file; -1 where the structure has no fixed place (a PDF
 *                object inside a compressed object stream)
 * @param length  byte count
 */
public record Located(String carrier, String field, long offset, long length) {

    public EvidencePointer pointer(Exhibit exhibit) {
        return offset < 0 ? EvidencePointer.field(exhibit, carrier, field)
                : new EvidencePointer(exhibit.sha256(), carrier, field, offset, length, null, null, null);
    }

    public Located narrow(String newField, long newOffset, long newLength) {
        return new Located(carrier, newField, newOffset, newLength);
    }

    @Override
    public String toString() {
        return carrier + (field == null ? "" : " " + field) + " at byte " + offset + " (" + length + " bytes)";
    }
}
