package org.exhibit.sd.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exhibit.sd.GenerationRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A ComfyUI API-format graph ({@code POST /prompt} body's {@code prompt}: node id → {class_type, inputs}, a link
 * is [node id, output index]) that renders a record with ComfyUI's built-in nodes: CheckpointLoaderSimple, one
 * LoraLoader per LoRA, CLIPSetLastLayer for clip skip, CLIPTextEncode ×2, EmptyLatentImage, KSampler, VAEDecode
 * (VAELoader when the record names a VAE), SaveImage. A record read from a ComfyUI graph gets that graph back
 * unchanged: it is what ran, custom nodes included.
 */
public final class ComfyRecipe {

    /** The graph and what it could not carry over. */
    public record Graph(ObjectNode graph, List<String> notes) {
    }

    private ComfyRecipe() {
    }

    public static Graph graph(GenerationRecord r) {
        if ("comfyui-prompt".equals(r.format()) && r.rawText() != null) {
            try {
                JsonNode original = A1111Recipe.JSON.readTree(r.rawText());
                if (original instanceof ObjectNode o) {
                    return new Graph(o, List.of("The graph recorded in the file, unchanged."));
                }
            } catch (IOException e) {
                // not JSON after all: build one from the fields below
            }
        }
        return build(r);
    }

    static Graph build(GenerationRecord r) {
        RecipeFields f = RecipeFields.of(r);
        List<String> notes = new ArrayList<>();
        ObjectNode g = A1111Recipe.JSON.createObjectNode();
        node(g, "4", "CheckpointLoaderSimple").put("ckpt_name", fileName(f.model(), notes, "checkpoint"));
        String model = "4";
        String clip = "4";
        int id = 10;
        for (RecipeFields.LoraUse l : f.loras()) {
            String lid = String.valueOf(id++);
            ObjectNode in = node(g, lid, "LoraLoader");
            in.put("lora_name", fileName(l.name(), notes, "LoRA"));
            in.put("strength_model", l.weight());
            in.put("strength_clip", l.clipWeight() == null ? l.weight() : l.clipWeight());
            in.set("model", link(model, 0));
            in.set("clip", link(clip, 1));
            model = lid;
            clip = lid;
        }
        int clipSlot = 1;
        if (f.clipSkip() != null) {
            ObjectNode in = node(g, "20", "CLIPSetLastLayer");
            in.put("stop_at_clip_layer", -f.clipSkip());
            in.set("clip", link(clip, 1));
            clip = "20";
            clipSlot = 0;
        }
        ObjectNode pos = node(g, "6", "CLIPTextEncode");
        pos.put("text", f.prompt() == null ? "" : f.prompt());
        pos.set("clip", link(clip, clipSlot));
        ObjectNode neg = node(g, "7", "CLIPTextEncode");
        neg.put("text", f.negativePrompt() == null ? "" : f.negativePrompt());
        neg.set("clip", link(clip, clipSlot));
        ObjectNode latent = node(g, "5", "EmptyLatentImage");
        latent.put("width", f.width() == null ? 512 : f.width());
        latent.put("height", f.height() == null ? 512 : f.height());
        latent.put("batch_size", 1);
        ObjectNode k = node(g, "3", "KSampler");
        k.put("seed", f.seed() == null ? 0 : f.seed());
        k.put("steps", f.steps() == null ? 20 : f.steps());
        k.put("cfg", f.cfgScale() == null ? 7.0 : f.cfgScale());
        String sampler = SamplerNames.comfySampler(f.sampler());
        String scheduler = SamplerNames.comfyScheduler(f.scheduler());
        k.put("sampler_name", sampler == null ? "euler" : sampler);
        k.put("scheduler", scheduler == null ? "normal" : scheduler);
        k.put("denoise", 1.0);
        k.set("model", link(model, 0));
        k.set("positive", link("6", 0));
        k.set("negative", link("7", 0));
        k.set("latent_image", link("5", 0));
        JsonNode vae = link("4", 2);
        if (f.vae() != null) {
            node(g, "21", "VAELoader").put("vae_name", fileName(f.vae(), notes, "VAE"));
            vae = link("21", 0);
        }
        ObjectNode decode = node(g, "8", "VAEDecode");
        decode.set("samples", link("3", 0));
        decode.set("vae", vae);
        ObjectNode save = node(g, "9", "SaveImage");
        save.put("filename_prefix", "exhibit-replay");
        save.set("images", link("8", 0));
        missing(notes, f, sampler, scheduler);
        return new Graph(g, notes);
    }

    private static void missing(List<String> notes, RecipeFields f, String sampler, String scheduler) {
        if (f.seed() == null || f.steps() == null || f.cfgScale() == null || f.width() == null) {
            notes.add("The record lacks seed, steps, CFG or size; ComfyUI's defaults were put in their place.");
        }
        if (sampler == null) {
            notes.add("ComfyUI has no sampler matching '" + f.sampler() + "'; euler was put in its place.");
        }
        if (f.scheduler() == null || f.scheduler().equals("Automatic") || f.scheduler().equals("Uniform")) {
            notes.add("A1111's '" + (f.scheduler() == null ? "unstated" : f.scheduler()) + "' schedule was mapped "
                    + "to ComfyUI's normal, the model's own sigma spacing.");
        } else if (scheduler == null) {
            notes.add("ComfyUI has no scheduler matching '" + f.scheduler() + "'; normal was put in its place.");
        }
        if (!"CPU".equals(f.rngSource())) {
            notes.add("ComfyUI draws noise on the CPU; the record's " + f.rngSource() + " noise differs, so the "
                    + "image will not match pixel for pixel.");
        }
        if (f.subseedStrength() != null) {
            notes.add("ComfyUI's built-in nodes have no variation seed; variation seed " + f.subseed()
                    + " at strength " + f.subseedStrength() + " is not applied.");
        }
        if (f.hires() != null) {
            notes.add("The hires-fix second pass is not built; the graph renders the first pass only.");
        }
        if (f.prompt() != null && f.prompt().matches(".*\\(.*:\\s*[0-9.]+\\).*")) {
            notes.add("ComfyUI normalises (word:weight) emphasis differently from A1111.");
        }
    }

    /** A name as a file name: the extension ComfyUI lists, ".safetensors" assumed when the record has none. */
    private static String fileName(String base, List<String> notes, String what) {
        if (base == null) {
            notes.add("The record names no " + what + ".");
            return "";
        }
        if (!base.toLowerCase(Locale.ROOT).matches(".*\\.(safetensors|ckpt|pt|pth)$")) {
            notes.add("The " + what + " file is assumed to be " + base + ".safetensors.");
            return base + ".safetensors";
        }
        return base;
    }

    private static ObjectNode node(ObjectNode g, String id, String type) {
        ObjectNode n = g.putObject(id);
        n.put("class_type", type);
        return n.putObject("inputs");
    }

    private static ArrayNode link(String id, int slot) {
        ArrayNode a = A1111Recipe.JSON.createArrayNode();
        a.add(id).add(slot);
        return a;
    }
}
