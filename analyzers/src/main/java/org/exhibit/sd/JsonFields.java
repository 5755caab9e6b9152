package org.exhibit.sd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Helpers for the JSON-based formats: parse leniently (NaN, as Python's json writes it), keep every top-level
 * key verbatim as a {@link Param} in file order, and read typed values while marking their keys as mapped.
 */
final class JsonFields {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private JsonFields() {
    }

    /** The parsed object, or null when {@code text} is not a JSON object. */
    static JsonNode object(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (!t.startsWith("{")) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(t);
            return n != null && n.isObject() ? n : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Adds each field of {@code obj} as a verbatim parameter (strings as they are, other values as JSON). */
    static void params(JsonNode obj, GenerationRecord.Builder b, String prefix) {
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            b.param(Param.of(prefix + e.getKey(), asText(e.getValue())));
        }
    }

    static String asText(JsonNode v) {
        return v == null || v.isNull() ? null : v.isTextual() ? v.asText() : v.toString();
    }

    static String str(JsonNode o, GenerationRecord.Builder b, String key) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        b.mapped(key);
        return v.asText();
    }

    static Long lng(JsonNode o, GenerationRecord.Builder b, String key) {
        JsonNode v = o.get(key);
        if (v != null && v.isIntegralNumber() && v.canConvertToLong()) {
            b.mapped(key);
            return v.asLong();
        }
        if (v != null && v.isTextual() && v.asText().strip().matches("-?\\d{1,18}")) {
            b.mapped(key);
            return Long.parseLong(v.asText().strip());
        }
        return null;
    }

    static Integer intg(JsonNode o, GenerationRecord.Builder b, String key) {
        Long l = lng(o, b, key);
        return l == null || l > Integer.MAX_VALUE || l < Integer.MIN_VALUE ? null : l.intValue();
    }

    static Double dbl(JsonNode o, GenerationRecord.Builder b, String key) {
        JsonNode v = o.get(key);
        if (v != null && v.isNumber()) {
            b.mapped(key);
            return v.asDouble();
        }
        if (v != null && v.isTextual()) {
            try {
                double d = Double.parseDouble(v.asText().strip());
                b.mapped(key);
                return d;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
