package org.exhibit.sd;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.exhibit.sd.JsonFields.dbl;
import static org.exhibit.sd.JsonFields.intg;
import static org.exhibit.sd.JsonFields.lng;
import static org.exhibit.sd.JsonFields.str;

/**
 * InvokeAI's three generations of metadata: "invokeai_metadata" (v3 and later, flat JSON), "sd-metadata" (v2,
 * {"image": {...}} with the negative prompt in square brackets) and "Dream" (v1, a dream command line).
 */
final class InvokeAi {

    private static final Pattern BRACKETS = Pattern.compile("^(.*?)\\[(.*?)\\]$", Pattern.DOTALL);
    private static final Pattern DREAM = Pattern.compile("^\"(.*?)\"\\s*(.*?)$", Pattern.DOTALL);
    private static final Pattern SWITCH = Pattern.compile("-(\\w+)\\s+([\\w.\\-]+)");

    private InvokeAi() {
    }

    static GenerationRecord metadata(JsonNode o, TextEntry t) {
        GenerationRecord.Builder b = GenerationRecord.builder().generator("InvokeAI").format("invokeai-metadata")
                .rawText(t.text()).source(t.source());
        JsonFields.params(o, b, "");
        b.prompt(str(o, b, "positive_prompt")).negativePrompt(str(o, b, "negative_prompt"))
                .width(intg(o, b, "width")).height(intg(o, b, "height")).seed(lng(o, b, "seed"))
                .rngSource(str(o, b, "rand_device")).cfgScale(dbl(o, b, "cfg_scale")).steps(intg(o, b, "steps"))
                .sampler(str(o, b, "scheduler")).version(str(o, b, "app_version")).clipSkip(intg(o, b, "clip_skip"))
                .denoise(dbl(o, b, "strength"));
        JsonNode model = o.path("model");
        if (model.isObject()) {
            b.model(model.path("name").asText(model.path("model_name").asText(null)))
                    .modelHash(model.path("hash").asText(null)).mapped("model");
        }
        JsonNode vae = o.path("vae");
        if (vae.isObject()) {
            b.vae(vae.path("name").asText(vae.path("model_name").asText(null))).vaeHash(vae.path("hash").asText(null))
                    .mapped("vae");
        }
        for (JsonNode l : o.path("loras")) {
            JsonNode m = l.has("model") ? l.path("model") : l.path("lora");
            b.lora(new Lora(m.path("name").asText(m.path("model_name").asText(m.path("key").asText(null))),
                    l.path("weight").isNumber() ? l.path("weight").asDouble() : null, null,
                    m.path("hash").asText(null), "lora", "invokeai_metadata loras"));
        }
        if (o.has("loras")) {
            b.mapped("loras");
        }
        return b.build();
    }

    static GenerationRecord sdMetadata(JsonNode o, TextEntry t) {
        GenerationRecord.Builder b = GenerationRecord.builder().generator("InvokeAI").format("invokeai-sd-metadata")
                .rawText(t.text()).source(t.source());
        JsonFields.params(o, b, "");
        JsonNode image = o.path("image");
        JsonFields.params(image, b, "image.");
        JsonNode p = image.path("prompt");
        String prompt = p.isArray() ? p.path(0).path("prompt").asText(null) : p.asText(null);
        split(prompt, b);
        b.model(str(o, b, "model_weights")).modelHash(str(o, b, "model_hash")).version(str(o, b, "app_version"));
        GenerationRecord.Builder ib = b; // image.* keys are prefixed, so mark them by hand
        ib.seed(lng(image, b, "seed")).steps(intg(image, b, "steps")).cfgScale(dbl(image, b, "cfg_scale"))
                .width(intg(image, b, "width")).height(intg(image, b, "height")).sampler(str(image, b, "sampler"))
                .denoise(dbl(image, b, "strength"));
        for (String k : new String[]{"prompt", "seed", "steps", "cfg_scale", "width", "height", "sampler", "strength"}) {
            b.mapped("image." + k);
        }
        return b.build();
    }

    static GenerationRecord dream(String text, TextEntry t) {
        GenerationRecord.Builder b = GenerationRecord.builder().generator("InvokeAI").format("invokeai-dream")
                .rawText(text).source(t.source());
        Matcher m = DREAM.matcher(text.strip());
        String settings = text;
        if (m.matches()) {
            split(m.group(1), b);
            settings = m.group(2);
        }
        Matcher s = SWITCH.matcher(settings);
        while (s.find()) {
            String k = s.group(1);
            String v = s.group(2);
            b.param(Param.of("-" + k, v));
            try {
                switch (k) {
                    case "s" -> b.steps(Integer.parseInt(v)).mapped("-s");
                    case "S" -> b.seed(Long.parseLong(v)).mapped("-S");
                    case "W" -> b.width(Integer.parseInt(v)).mapped("-W");
                    case "H" -> b.height(Integer.parseInt(v)).mapped("-H");
                    case "C" -> b.cfgScale(Double.parseDouble(v)).mapped("-C");
                    case "A" -> b.sampler(v).mapped("-A");
                    case "f" -> b.denoise(Double.parseDouble(v)).mapped("-f");
                    default -> { }
                }
            } catch (NumberFormatException e) {
                // kept verbatim among the other parameters
            }
        }
        return b.build();
    }

    /** "positive [negative]" as InvokeAI 1.x/2.x writes the two prompts in one string. */
    private static void split(String prompt, GenerationRecord.Builder b) {
        if (prompt == null) {
            return;
        }
        Matcher m = BRACKETS.matcher(prompt);
        if (m.matches()) {
            b.prompt(m.group(1).strip()).negativePrompt(m.group(2).strip());
        } else {
            b.prompt(prompt.strip());
        }
    }
}
