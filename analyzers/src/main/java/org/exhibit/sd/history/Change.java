package org.exhibit.sd.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
/**
 * One difference between consecutive generations.
 *
 * @param kind   seed, parameter, parameter-added, parameter-removed, lora-added, lora-removed, lora-weight,
 *               lora-hash, words-added, words-removed, words-reweighted
 * @param field  the record's field: "Seed", "Steps", "Prompt", "Negative prompt", a LoRA's name...
 * @param before the earlier value (null when added)
 * @param after  the later value (null when removed)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"kind", "field", "before", "after"})
public record Change(String kind, String field, String before, String after) {

    /**
     * The change in a few words, e.g. {@code Seed 2692150200 → 2692150199}, {@code Prompt + "smile"},
     * {@code Prompt (masterpiece:1.2) → (masterpiece:1.3)}. Words are written in the webui's notation.
     */
    public String describe() {
        return switch (kind) {
            case "words-added" -> field + " + \"" + after + "\"";
            case "words-removed" -> field + " − \"" + before + "\"";
            case "lora-added" -> "LoRA " + field + " added at " + after;
            case "lora-removed" -> "LoRA " + field + " removed (was " + before + ")";
            case "lora-weight" -> "LoRA " + field + " weight " + before + " → " + after;
            case "lora-hash" -> "LoRA " + field + " file changed: hash " + before + " → " + after;
            case "parameter-added" -> field + " set to " + after;
            case "parameter-removed" -> field + " removed (was " + before + ")";
            default -> field + " " + before + " → " + after;
        };
    }
}
