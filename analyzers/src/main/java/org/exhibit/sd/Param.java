package org.exhibit.sd;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One key/value pair exactly as the generator wrote it, in the order written.
 *
 * @param key        the key, verbatim
 * @param value      the value (A1111: unquoted if it was a JSON string; JSON formats: the JSON text of non-strings)
 * @param textOffset index of the key's first character in the record's raw text, or -1 when not located
 * @param textLength characters from the key to the end of the value, or 0
 */
@JsonPropertyOrder({"key", "value"})
public record Param(String key, String value, @JsonIgnore int textOffset, @JsonIgnore int textLength) {

    public static Param of(String key, String value) {
        return new Param(key, value, -1, 0);
    }
}
