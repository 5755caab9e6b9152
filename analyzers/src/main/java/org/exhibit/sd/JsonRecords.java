package org.exhibit.sd;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.exhibit.sd.JsonFields.dbl;
import static org.exhibit.sd.JsonFields.intg;
import static org.exhibit.sd.JsonFields.lng;
import static org.exhibit.sd.JsonFields.str;

/**
 * The flat-JSON formats: SwarmUI ({@code sui_image_params}), Fooocus (its "fooocus" metadata scheme), Easy
 * Diffusion, Draw Things (the JSON inside its XMP exif:UserComment). Each top-level key is kept verbatim.
 */
final class JsonRecords {

    private static final Pattern PAIR = Pattern.compile("\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");

    private JsonRecords() {
    }

    private static GenerationRecord.Builder start(String generator, String format, JsonNode o, TextEntry t) {
        GenerationRecord.Builder b = GenerationRecord.builder().generator(generator).format(format)
                .rawText(t.text()).source(t.source());
        JsonFields.params(o, b, "");
        return b;
    }

    /** SwarmUI: {"sui_image_params": {...}, "sui_models": [{name, param, hash}], "sui_extra_data": {...}}. */
    static GenerationRecord swarm(JsonNode root, TextEntry t) {
        JsonNode p = root.path("sui_image_params");
        GenerationRecord.Builder b = start("SwarmUI", "swarmui", p, t);
        b.prompt(str(p, b, "prompt")).negativePrompt(str(p, b, "negativeprompt")).model(str(p, b, "model"))
                .seed(lng(p, b, "seed")).steps(intg(p, b, "steps")).cfgScale(dbl(p, b, "cfgscale"))
                .width(intg(p, b, "width")).height(intg(p, b, "height")).sampler(str(p, b, "sampler"))
                .scheduler(str(p, b, "scheduler")).version(str(p, b, "swarm_version")).vae(str(p, b, "vae"))
                .subseed(lng(p, b, "variationseed")).subseedStrength(dbl(p, b, "variationseedstrength"))
                .denoise(dbl(p, b, "initimagecreativity"));
        Integer clip = intg(p, b, "clipstopatlayer");
        b.clipSkip(clip == null ? null : Math.abs(clip));
        JsonNode names = p.path("loras");
        JsonNode weights = p.path("loraweights");
        for (int i = 0; i < names.size(); i++) {
            JsonNode w = weights.path(i);
            Double weight = w.isNumber() ? w.asDouble() : w.isTextual() ? parse(w.asText()) : null;
            b.lora(new Lora(names.get(i).asText(), weight, null, null, "lora", "sui_image_params loras"));
        }
        b.mapped("loras").mapped("loraweights");
        for (JsonNode m : root.path("sui_models")) {
            if (m.path("param").asText().equals("model")) {
                b.modelHash(m.path("hash").asText(null));
            }
        }
        return b.build();
    }

    /** Fooocus' own scheme: sorted-key JSON (modules/meta_parser.py FooocusMetadataParser.parse_string). */
    static GenerationRecord fooocus(JsonNode o, TextEntry t) {
        GenerationRecord.Builder b = start("Fooocus", "fooocus", o, t);
        b.prompt(str(o, b, "prompt")).negativePrompt(str(o, b, "negative_prompt")).model(str(o, b, "base_model"))
                .modelHash(str(o, b, "base_model_hash")).seed(lng(o, b, "seed")).steps(intg(o, b, "steps"))
                .cfgScale(dbl(o, b, "guidance_scale")).sampler(str(o, b, "sampler"))
                .scheduler(str(o, b, "scheduler")).vae(str(o, b, "vae")).version(str(o, b, "version"))
                .clipSkip(intg(o, b, "clip_skip"));
        String res = str(o, b, "resolution");
        Matcher m = res == null ? null : PAIR.matcher(res);
        if (m != null && m.find()) {
            b.width(Integer.parseInt(m.group(1))).height(Integer.parseInt(m.group(2)));
        }
        for (JsonNode l : o.path("loras")) { // [name, weight, hash]
            b.lora(new Lora(l.path(0).asText(), l.path(1).isNumber() ? l.path(1).asDouble() : parse(l.path(1).asText()),
                    null, l.path(2).asText(null), "lora", "fooocus loras"));
        }
        b.mapped("loras");
        return b.build();
    }

    /** Easy Diffusion: snake_case keys (JSON, or one PNG text chunk per key), or its older "Title Case" keys. */
    static GenerationRecord easyDiffusion(JsonNode o, TextEntry t) {
        boolean snake = o.has("prompt") || o.has("num_inference_steps");
        GenerationRecord.Builder b = start("Easy Diffusion", "easydiffusion", o, t);
        b.prompt(str(o, b, snake ? "prompt" : "Prompt"))
                .negativePrompt(str(o, b, snake ? "negative_prompt" : "Negative Prompt"))
                .seed(lng(o, b, snake ? "seed" : "Seed"))
                .model(str(o, b, snake ? "use_stable_diffusion_model" : "Stable Diffusion model"))
                .vae(str(o, b, snake ? "use_vae_model" : "VAE model"))
                .sampler(str(o, b, snake ? "sampler_name" : "Sampler"))
                .width(intg(o, b, snake ? "width" : "Width")).height(intg(o, b, snake ? "height" : "Height"))
                .steps(intg(o, b, snake ? "num_inference_steps" : "Steps"))
                .cfgScale(dbl(o, b, snake ? "guidance_scale" : "Guidance Scale"))
                .clipSkip(intg(o, b, snake ? "clip_skip" : "Clip Skip"))
                .denoise(dbl(o, b, snake ? "prompt_strength" : "Prompt Strength"));
        String lora = str(o, b, snake ? "use_lora_model" : "LoRA model");
        if (lora != null && !lora.isBlank() && !lora.equals("None")) {
            b.lora(new Lora(lora, dbl(o, b, snake ? "lora_alpha" : "LoRA Strength"), null, null, "lora", "use_lora_model"));
        }
        return b.build();
    }

    /** Draw Things: {"c": prompt, "uc": negative, "seed", "steps", "scale", "sampler", "model", "size": "WxH"...}. */
    static GenerationRecord drawThings(JsonNode o, TextEntry t) {
        GenerationRecord.Builder b = start("Draw Things", "drawthings", o, t);
        b.prompt(str(o, b, "c")).negativePrompt(str(o, b, "uc")).seed(lng(o, b, "seed"))
                .steps(intg(o, b, "steps")).cfgScale(dbl(o, b, "scale")).sampler(str(o, b, "sampler"))
                .model(str(o, b, "model")).denoise(dbl(o, b, "strength"));
        String size = str(o, b, "size");
        Matcher m = size == null ? null : Infotext.IMAGE_SIZE.matcher(size);
        if (m != null && m.matches()) {
            b.width(Integer.parseInt(m.group(1))).height(Integer.parseInt(m.group(2)));
        }
        for (JsonNode l : o.path("lora")) {
            b.lora(new Lora(l.path("file").asText(null), l.path("weight").isNumber() ? l.path("weight").asDouble() : null,
                    null, null, "lora", "lora"));
        }
        b.mapped("lora");
        return b.build();
    }

    static Double parse(String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }
}
