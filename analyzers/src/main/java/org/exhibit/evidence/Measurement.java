package org.exhibit.evidence;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A named number with its unit, e.g. ("hamming distance", 12, "bits"). */
@JsonPropertyOrder({"name", "value", "unit"})
public record Measurement(String name, double value, String unit) {

    public static Measurement of(String name, double value, String unit) {
        return new Measurement(name, value, unit);
    }
}
