package org.exhibit.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Where in an exhibit a finding's evidence lies: a byte range, a pixel region, a time range, or a named field.
 * Only the parts that apply are set; the rest stay null and are left out of the JSON.
 *
 * @param exhibit SHA-256 of the exhibit pointed into
 * @param carrier the container structure, e.g. "PNG tEXt parameters", "EXIF UserComment", "alpha LSB"
 * @param field   a field name inside the carrier, e.g. "Seed"
 * @param offset  first byte, counted from the start of the file
 * @param length  byte count
 * @param region  pixel rectangle
 * @param start   seconds from the start of the recording
 * @param end     seconds from the start of the recording
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"exhibit", "carrier", "field", "offset", "length", "region", "start", "end"})
public record EvidencePointer(String exhibit, String carrier, String field, Long offset, Long length,
                              Region region, Double start, Double end) {

    public static EvidencePointer bytes(Exhibit exhibit, String carrier, long offset, long length) {
        return new EvidencePointer(exhibit.sha256(), carrier, null, offset, length, null, null, null);
    }

    public static EvidencePointer pixels(Exhibit exhibit, String carrier, Region region) {
        return new EvidencePointer(exhibit.sha256(), carrier, null, null, null, region, null, null);
    }

    public static EvidencePointer time(Exhibit exhibit, String carrier, double start, double end) {
        return new EvidencePointer(exhibit.sha256(), carrier, null, null, null, null, start, end);
    }

    public static EvidencePointer field(Exhibit exhibit, String carrier, String field) {
        return new EvidencePointer(exhibit.sha256(), carrier, field, null, null, null, null, null);
    }

    public EvidencePointer withField(String newField) {
        return new EvidencePointer(exhibit, carrier, newField, offset, length, region, start, end);
    }
}
