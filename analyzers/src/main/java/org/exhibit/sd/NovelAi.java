package org.exhibit.sd;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.exhibit.sd.JsonFields.dbl;
import static org.exhibit.sd.JsonFields.intg;
import static org.exhibit.sd.JsonFields.lng;
import static org.exhibit.sd.JsonFields.str;

/**
 * NovelAI: PNG text "Comment" (the request as JSON) beside "Description" (prompt), "Software" ("NovelAI") and
 * "Source" (model name and hash, e.g. "NovelAI Diffusion V4.5 4BDE2A90"); the same items as one JSON object in
 * the stealth alpha-LSB copy. {@code signed_hash} is kept verbatim; it is not verified here.
 */
final class NovelAi {

    private static final Pattern SOURCE = Pattern.compile("^(.*\\S)\\s+([0-9A-Fa-f]{8})$");

    private NovelAi() {
    }

    /**
     * @param comment the Comment JSON
     * @param items   the other text items by keyword (Description, Software, Source, Title...)
     * @param entry   where the Comment (or the stealth payload) was read
     */
    static GenerationRecord record(JsonNode comment, Map<String, String> items, TextEntry entry) {
        GenerationRecord.Builder b = GenerationRecord.builder().generator("NovelAI").format("novelai")
                .rawText(entry.text()).source(entry.source());
        items.forEach((k, v) -> {
            if (!k.equals("Comment")) {
                b.param(Param.of(k, v));
            }
        });
        JsonFields.params(comment, b, "");
        String prompt = str(comment, b, "prompt");
        b.prompt(prompt != null ? prompt : items.get("Description")).mapped("Description");
        b.negativePrompt(str(comment, b, "uc")).seed(lng(comment, b, "seed")).steps(intg(comment, b, "steps"))
                .cfgScale(dbl(comment, b, "scale")).sampler(str(comment, b, "sampler"))
                .scheduler(str(comment, b, "noise_schedule")).width(intg(comment, b, "width"))
                .height(intg(comment, b, "height")).denoise(dbl(comment, b, "strength"));
        String source = items.get("Source");
        if (source != null) {
            Matcher m = SOURCE.matcher(source);
            b.model(m.matches() ? m.group(1) : source).modelHash(m.matches() ? m.group(2) : null).mapped("Source");
        }
        return b.build();
    }
}
