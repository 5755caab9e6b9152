package org.exhibit.sd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a ComfyUI UI graph (PNG text "workflow": nodes with positional {@code widgets_values}, links as
 * [id, from node, from slot, to node, to slot, type]) into the API form {@link ComfyGraph} traces, for files that
 * kept only the workflow. Widget names come from the core nodes' input order; unknown node types keep their
 * links only. The UI text is what the editor showed, before ComfyUI stripped comments and expanded wildcards,
 * so the API "prompt" is preferred when both exist.
 */
final class ComfyWorkflow {

    /** Widget names in widgets_values order; "control_after_generate" takes a slot after seeds in the UI. */
    private static final Map<String, List<String>> WIDGETS = Map.ofEntries(
            Map.entry("KSampler", List.of("seed", "control_after_generate", "steps", "cfg", "sampler_name",
                    "scheduler", "denoise")),
            Map.entry("KSamplerAdvanced", List.of("add_noise", "noise_seed", "control_after_generate", "steps", "cfg",
                    "sampler_name", "scheduler", "start_at_step", "end_at_step", "return_with_leftover_noise")),
            Map.entry("CheckpointLoaderSimple", List.of("ckpt_name")),
            Map.entry("UNETLoader", List.of("unet_name", "weight_dtype")),
            Map.entry("CLIPTextEncode", List.of("text")),
            Map.entry("EmptyLatentImage", List.of("width", "height", "batch_size")),
            Map.entry("EmptySD3LatentImage", List.of("width", "height", "batch_size")),
            Map.entry("LoraLoader", List.of("lora_name", "strength_model", "strength_clip")),
            Map.entry("LoraLoaderModelOnly", List.of("lora_name", "strength_model")),
            Map.entry("CLIPSetLastLayer", List.of("stop_at_clip_layer")),
            Map.entry("VAELoader", List.of("vae_name")),
            Map.entry("LatentUpscaleBy", List.of("upscale_method", "scale_by")),
            Map.entry("LatentUpscale", List.of("upscale_method", "width", "height", "crop")),
            Map.entry("RandomNoise", List.of("noise_seed", "control_after_generate")),
            Map.entry("KSamplerSelect", List.of("sampler_name")),
            Map.entry("BasicScheduler", List.of("scheduler", "steps", "denoise")),
            Map.entry("CFGGuider", List.of("cfg")),
            Map.entry("PrimitiveNode", List.of("value", "control_after_generate")));

    private ComfyWorkflow() {
    }

    /** True when {@code ui} has the UI graph's "nodes" and "links" arrays. */
    static boolean isWorkflow(JsonNode ui) {
        return ui.path("nodes").isArray() && ui.path("links").isArray();
    }

    static ObjectNode toApi(JsonNode ui) {
        Map<Long, long[]> links = new HashMap<>(); // link id → {from node index, from slot}
        Map<Long, String> linkFrom = new HashMap<>();
        for (JsonNode l : ui.path("links")) {
            if (l.isArray() && l.size() >= 5) {
                linkFrom.put(l.get(0).asLong(), l.get(1).asText());
                links.put(l.get(0).asLong(), new long[]{0, l.get(2).asLong()});
            } else if (l.isObject()) { // newer frontends may write links as objects
                linkFrom.put(l.path("id").asLong(), l.path("origin_id").asText());
                links.put(l.path("id").asLong(), new long[]{0, l.path("origin_slot").asLong()});
            }
        }
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode n : ui.path("nodes")) {
            byId.put(n.path("id").asText(), n);
        }
        ObjectNode api = JsonFields.JSON.createObjectNode();
        for (JsonNode n : ui.path("nodes")) {
            int mode = n.path("mode").asInt(0);
            if (mode == 2 || mode == 4) {
                continue; // muted or bypassed: it did not run
            }
            String type = n.path("type").asText();
            ObjectNode node = api.putObject(n.path("id").asText());
            node.put("class_type", type);
            ObjectNode inputs = node.putObject("inputs");
            List<String> names = WIDGETS.getOrDefault(type, List.of());
            JsonNode values = n.path("widgets_values");
            for (int i = 0; i < names.size() && values.isArray() && i < values.size(); i++) {
                inputs.set(names.get(i), values.get(i));
            }
            for (JsonNode in : n.path("inputs")) {
                if (in.path("link").isNull() || !in.has("link")) {
                    continue;
                }
                long link = in.path("link").asLong();
                String from = linkFrom.get(link);
                if (from == null) {
                    continue;
                }
                JsonNode source = byId.get(from);
                if (source != null && source.path("type").asText().equals("PrimitiveNode")) {
                    inputs.set(in.path("name").asText(), source.path("widgets_values").path(0));
                } else {
                    inputs.set(in.path("name").asText(), JsonFields.JSON.createArrayNode().add(from)
                            .add(links.get(link)[1]));
                }
            }
        }
        return api;
    }
}
