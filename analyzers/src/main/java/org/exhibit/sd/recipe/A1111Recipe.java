package org.exhibit.sd.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exhibit.sd.GenerationRecord;
import org.exhibit.sd.HiresFix;
import org.exhibit.sd.Lora;
import org.exhibit.sd.PromptTags;

import java.util.List;

/**
 * A1111's {@code POST /sdapi/v1/txt2img} payload (modules/api/models.py StableDiffusionTxt2ImgProcessingAPI)
 * for a record, and the record read back from such a payload. The checkpoint goes in
 * {@code override_settings.sd_model_checkpoint} (A1111 ignores an unknown name silently: a replay must check the
 * returned info), clip skip in {@code CLIP_stop_at_last_layers}, the noise source in {@code randn_source};
 * LoRAs stay (or are put) as {@code <lora:name:weight>} tags in the prompt, as A1111 applies them.
 */
public final class A1111Recipe {

    static final ObjectMapper JSON = new ObjectMapper();

    private A1111Recipe() {
    }

    public static ObjectNode payload(GenerationRecord r) {
        RecipeFields f = RecipeFields.of(r);
        ObjectNode p = JSON.createObjectNode();
        p.put("prompt", promptWithTags(r));
        putText(p, "negative_prompt", r.negativePrompt());
        putNumber(p, "seed", f.seed());
        if (f.subseedStrength() != null) {
            putNumber(p, "subseed", f.subseed());
            p.put("subseed_strength", f.subseedStrength());
        }
        String resize = r.parameter("Seed resize from");
        if (resize != null && resize.matches("\\d+x\\d+")) {
            p.put("seed_resize_from_w", Integer.parseInt(resize.split("x")[0]));
            p.put("seed_resize_from_h", Integer.parseInt(resize.split("x")[1]));
        }
        putText(p, "sampler_name", f.sampler());
        putText(p, "scheduler", f.scheduler());
        putNumber(p, "steps", f.steps());
        if (f.cfgScale() != null) {
            p.put("cfg_scale", f.cfgScale());
        }
        putNumber(p, "width", f.width());
        putNumber(p, "height", f.height());
        p.put("batch_size", 1).put("n_iter", 1);
        HiresFix h = f.hires();
        if (h != null) {
            p.put("enable_hr", true);
            if (h.upscale() != null) {
                p.put("hr_scale", h.upscale());
            }
            putNumber(p, "hr_resize_x", h.resizeWidth());
            putNumber(p, "hr_resize_y", h.resizeHeight());
            putText(p, "hr_upscaler", h.upscaler());
            putNumber(p, "hr_second_pass_steps", h.steps());
            if (h.denoise() != null) {
                p.put("denoising_strength", h.denoise());
            }
        }
        ObjectNode o = p.putObject("override_settings");
        putText(o, "sd_model_checkpoint", f.model());
        putText(o, "sd_vae", f.vae());
        putNumber(o, "CLIP_stop_at_last_layers", f.clipSkip());
        o.put("randn_source", f.rngSource());
        String ensd = r.parameter("ENSD");
        if (ensd != null && ensd.matches("\\d+")) {
            o.put("eta_noise_seed_delta", Integer.parseInt(ensd));
        }
        p.put("override_settings_restore_afterwards", true);
        p.put("send_images", true).put("save_images", false);
        return p;
    }

    /** The record a payload asks for (generator "A1111 API payload"). */
    public static GenerationRecord parse(JsonNode p) {
        GenerationRecord.Builder b = GenerationRecord.builder().generator("A1111 API payload").format("a1111-payload");
        String prompt = text(p, "prompt");
        b.prompt(prompt).negativePrompt(text(p, "negative_prompt"));
        for (Lora l : PromptTags.loras(prompt)) {
            b.lora(l);
        }
        b.seed(p.has("seed") ? p.get("seed").asLong() : null);
        b.subseed(p.has("subseed") ? p.get("subseed").asLong() : null);
        b.subseedStrength(p.has("subseed_strength") ? p.get("subseed_strength").asDouble() : null);
        b.sampler(text(p, "sampler_name")).scheduler(text(p, "scheduler"));
        b.steps(integer(p, "steps")).cfgScale(p.has("cfg_scale") ? p.get("cfg_scale").asDouble() : null);
        b.width(integer(p, "width")).height(integer(p, "height"));
        if (p.path("enable_hr").asBoolean(false)) {
            b.hires(new HiresFix(p.has("hr_scale") ? p.get("hr_scale").asDouble() : null, integer(p, "hr_resize_x"),
                    integer(p, "hr_resize_y"), text(p, "hr_upscaler"), integer(p, "hr_second_pass_steps"),
                    p.has("denoising_strength") ? p.get("denoising_strength").asDouble() : null));
        }
        JsonNode o = p.path("override_settings");
        b.model(text(o, "sd_model_checkpoint")).vae(text(o, "sd_vae"));
        b.clipSkip(integer(o, "CLIP_stop_at_last_layers")).rngSource(text(o, "randn_source"));
        return b.build();
    }

    /** The prompt with a {@code <lora:name:weight>} tag for every weighted LoRA it does not already carry. */
    static String promptWithTags(GenerationRecord r) {
        String prompt = r.prompt() == null ? "" : r.prompt();
        List<Lora> tagged = PromptTags.loras(prompt);
        StringBuilder sb = new StringBuilder(prompt);
        for (RecipeFields.LoraUse l : RecipeFields.of(r).loras()) {
            boolean present = tagged.stream().anyMatch(t -> l.name().equals(RecipeFields.baseName(t.name())));
            if (!present) {
                sb.append(sb.length() == 0 ? "" : ", ").append("<lora:").append(l.name()).append(':')
                        .append(number(l.clipWeight() == null ? l.weight() : l.clipWeight()));
                if (l.clipWeight() != null) {
                    sb.append(":unet=").append(number(l.weight()));
                }
                sb.append('>');
            }
        }
        return sb.toString();
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static void putText(ObjectNode n, String key, String v) {
        if (v != null) {
            n.put(key, v);
        }
    }

    private static void putNumber(ObjectNode n, String key, Number v) {
        if (v instanceof Long l) {
            n.put(key, l);
        } else if (v != null) {
            n.put(key, v.intValue());
        }
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Integer integer(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asInt();
    }
}
