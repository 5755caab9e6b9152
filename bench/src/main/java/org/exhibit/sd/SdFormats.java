package org.exhibit.sd;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Each generator's metadata text for a {@link GenerationRecord}, written as that generator writes it. The
 * inverse of the readers: the benchmark writes records with it and checks that reading gives them back.
 */
public final class SdFormats {

    private SdFormats() {
    }

    /** A1111 create_infotext (modules/processing.py): key order as the webui's generation_params dict. */
    public static String infotext(GenerationRecord r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("Steps", r.steps());
        p.put("Sampler", r.sampler());
        p.put("Schedule type", r.scheduler());
        p.put("CFG scale", num(r.cfgScale()));
        p.put("Seed", r.seed());
        p.put("Size", r.width() == null ? null : r.width() + "x" + r.height());
        p.put("Model hash", r.modelHash());
        p.put("Model", r.model());
        p.put("VAE hash", r.vaeHash());
        p.put("VAE", r.vae());
        p.put("Variation seed", r.subseed());
        p.put("Variation seed strength", num(r.subseedStrength()));
        p.put("Denoising strength", num(r.denoise()));
        p.put("Clip skip", r.clipSkip() == null || r.clipSkip() <= 1 ? null : r.clipSkip());
        p.put("RNG", r.rngSource() == null || r.rngSource().equals("GPU") ? null : r.rngSource());
        HiresFix h = r.hires();
        if (h != null) {
            p.put("Hires upscale", num(h.upscale()));
            p.put("Hires steps", h.steps());
            p.put("Hires upscaler", h.upscaler());
        }
        String hashes = r.loras().stream().filter(l -> l.hash() != null).map(l -> l.name() + ": " + l.hash())
                .collect(Collectors.joining(", "));
        p.put("Lora hashes", hashes.isEmpty() ? null : hashes);
        for (Param x : r.otherParameters()) {
            p.put(x.key(), x.value());
        }
        p.put("Version", r.version());
        String line = p.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + ": " + Infotext.quote(String.valueOf(e.getValue())))
                .collect(Collectors.joining(", "));
        String neg = r.negativePrompt() == null || r.negativePrompt().isEmpty() ? ""
                : "\nNegative prompt: " + r.negativePrompt();
        return (r.prompt() + neg + "\n" + line).strip();
    }

    /** A ComfyUI API graph: checkpoint → LoRA chain → text encoders → KSampler ← empty latent; decode; save. */
    public static String comfyPrompt(GenerationRecord r) {
        ObjectNode g = JsonFields.JSON.createObjectNode();
        node(g, "4", "CheckpointLoaderSimple").put("ckpt_name", r.model());
        String model = "4";
        String clip = "4";
        int next = 10;
        for (Lora l : r.loras()) {
            String id = String.valueOf(next++);
            ObjectNode in = node(g, id, "LoraLoader");
            in.put("lora_name", l.name()).put("strength_model", l.weight())
                    .put("strength_clip", l.clipWeight() == null ? l.weight() : l.clipWeight());
            in.set("model", link(model, 0));
            in.set("clip", link(clip, 1));
            model = id;
            clip = id;
        }
        int clipSlot = clip.equals("4") ? 1 : 1;
        if (r.clipSkip() != null && r.clipSkip() > 1) {
            ObjectNode in = node(g, "9", "CLIPSetLastLayer");
            in.put("stop_at_clip_layer", -r.clipSkip());
            in.set("clip", link(clip, clipSlot));
            clip = "9";
            clipSlot = 0;
        }
        ObjectNode pos = node(g, "6", "CLIPTextEncode");
        pos.put("text", r.prompt());
        pos.set("clip", link(clip, clipSlot));
        ObjectNode neg = node(g, "7", "CLIPTextEncode");
        neg.put("text", r.negativePrompt() == null ? "" : r.negativePrompt());
        neg.set("clip", link(clip, clipSlot));
        node(g, "5", "EmptyLatentImage").put("width", r.width()).put("height", r.height()).put("batch_size", 1);
        ObjectNode k = node(g, "3", "KSampler");
        k.put("seed", r.seed()).put("steps", r.steps()).put("cfg", r.cfgScale()).put("sampler_name", r.sampler())
                .put("scheduler", r.scheduler()).put("denoise", r.denoise() == null ? 1.0 : r.denoise());
        k.set("model", link(model, 0));
        k.set("positive", link("6", 0));
        k.set("negative", link("7", 0));
        k.set("latent_image", link("5", 0));
        ObjectNode d = node(g, "8", "VAEDecode");
        d.set("samples", link("3", 0));
        d.set("vae", link("4", 2));
        ObjectNode s = node(g, "20", "SaveImage");
        s.put("filename_prefix", "ComfyUI");
        s.set("images", link("8", 0));
        return g.toString();
    }

    /** NovelAI's Comment JSON (the request) for {@code r}. */
    public static String novelAiComment(GenerationRecord r) {
        ObjectNode c = JsonFields.JSON.createObjectNode();
        c.put("prompt", r.prompt()).put("steps", r.steps()).put("height", r.height()).put("width", r.width())
                .put("scale", r.cfgScale()).put("seed", r.seed()).put("n_samples", 1)
                .put("noise_schedule", r.scheduler()).put("sampler", r.sampler()).put("uc", r.negativePrompt());
        return c.toString();
    }

    /** NovelAI's stealth payload: its text items as one JSON object. */
    public static String novelAiStealth(GenerationRecord r) {
        ObjectNode o = JsonFields.JSON.createObjectNode();
        o.put("Description", r.prompt()).put("Software", "NovelAI")
                .put("Source", r.model() + (r.modelHash() == null ? "" : " " + r.modelHash()))
                .put("Comment", novelAiComment(r));
        return o.toString();
    }

    public static String swarm(GenerationRecord r) {
        ObjectNode root = JsonFields.JSON.createObjectNode();
        ObjectNode p = root.putObject("sui_image_params");
        p.put("prompt", r.prompt()).put("negativeprompt", r.negativePrompt()).put("model", r.model())
                .put("seed", r.seed()).put("steps", r.steps()).put("cfgscale", r.cfgScale()).put("width", r.width())
                .put("height", r.height()).put("sampler", r.sampler()).put("scheduler", r.scheduler());
        if (!r.loras().isEmpty()) {
            ArrayNode names = p.putArray("loras");
            ArrayNode weights = p.putArray("loraweights");
            r.loras().forEach(l -> {
                names.add(l.name());
                weights.add(String.valueOf(l.weight()));
            });
        }
        p.put("swarm_version", r.version());
        return root.toPrettyString();
    }

    public static String invokeAi(GenerationRecord r) {
        ObjectNode o = JsonFields.JSON.createObjectNode();
        o.put("generation_mode", "txt2img").put("positive_prompt", r.prompt())
                .put("negative_prompt", r.negativePrompt()).put("width", r.width()).put("height", r.height())
                .put("seed", r.seed()).put("rand_device", r.rngSource()).put("cfg_scale", r.cfgScale())
                .put("steps", r.steps()).put("scheduler", r.sampler());
        o.putObject("model").put("name", r.model()).put("hash", r.modelHash()).put("base", "sd-1").put("type", "main");
        ArrayNode loras = o.putArray("loras");
        r.loras().forEach(l -> {
            ObjectNode e = loras.addObject();
            e.putObject("model").put("name", l.name()).put("hash", l.hash());
            e.put("weight", l.weight());
        });
        o.put("app_version", r.version());
        return o.toString();
    }

    /** Fooocus scheme: keys sorted, seed as a string, resolution as "(w, h)", loras as [name, weight, hash]. */
    public static String fooocus(GenerationRecord r) {
        Map<String, Object> m = new java.util.TreeMap<>();
        m.put("base_model", r.model());
        m.put("base_model_hash", r.modelHash());
        m.put("guidance_scale", r.cfgScale());
        m.put("negative_prompt", r.negativePrompt());
        m.put("prompt", r.prompt());
        m.put("resolution", "(" + r.width() + ", " + r.height() + ")");
        m.put("sampler", r.sampler());
        m.put("scheduler", r.scheduler());
        m.put("seed", String.valueOf(r.seed()));
        m.put("steps", r.steps());
        m.put("version", r.version());
        m.put("loras", r.loras().stream().map(l -> java.util.Arrays.asList(l.name(), l.weight(), l.hash())).toList());
        return JsonFields.JSON.valueToTree(m).toString();
    }

    public static String easyDiffusion(GenerationRecord r) {
        ObjectNode o = JsonFields.JSON.createObjectNode();
        o.put("prompt", r.prompt()).put("seed", r.seed()).put("use_stable_diffusion_model", r.model())
                .put("clip_skip", r.clipSkip() != null && r.clipSkip() > 1).put("use_vae_model", r.vae())
                .put("sampler_name", r.sampler()).put("width", r.width()).put("height", r.height())
                .put("num_inference_steps", r.steps()).put("guidance_scale", r.cfgScale())
                .put("negative_prompt", r.negativePrompt());
        return o.toString();
    }

    /** Draw Things' XMP packet: the generation JSON in exif:UserComment, XML-escaped. */
    public static String drawThingsXmp(GenerationRecord r) {
        ObjectNode o = JsonFields.JSON.createObjectNode();
        o.put("c", r.prompt()).put("uc", r.negativePrompt()).put("seed", r.seed()).put("steps", r.steps())
                .put("scale", r.cfgScale()).put("sampler", r.sampler()).put("model", r.model())
                .put("size", r.width() + "x" + r.height());
        String json = o.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
        return "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" "
                + "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"><xmp:CreatorTool>Draw Things</xmp:CreatorTool>"
                + "<exif:UserComment><rdf:Alt><rdf:li xml:lang=\"x-default\">" + json
                + "</rdf:li></rdf:Alt></exif:UserComment></rdf:Description></rdf:RDF></x:xmpmeta>";
    }

    private static ObjectNode node(ObjectNode g, String id, String type) {
        ObjectNode n = g.putObject(id);
        n.put("class_type", type);
        return n.putObject("inputs");
    }

    private static ArrayNode link(String id, int slot) {
        ArrayNode a = JsonFields.JSON.createArrayNode();
        return a.add(id).add(slot);
    }

    /** Python's str() of a float as the webui prints it: 7.0 → "7.0"; ints unchanged. */
    private static String num(Double d) {
        if (d == null) {
            return null;
        }
        return d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf(d) : String.valueOf(d);
    }
}
