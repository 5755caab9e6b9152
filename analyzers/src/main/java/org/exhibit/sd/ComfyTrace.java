package org.exhibit.sd;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upstream traces from one ComfyUI sampler node: prompt text, model chain (checkpoint, LoRAs, clip skip), latent
 * size, VAE. Every trace keeps the set of nodes on its current path, so a cycle is seen the moment it closes.
 */
final class ComfyTrace {

    private static final int MAX_PATH = 200;
    private final ComfyGraph g;
    private final Set<String> loraNodes = new HashSet<>();

    ComfyTrace(ComfyGraph g) {
        this.g = g;
    }

    /** The text behind a conditioning input; several sources (combine / concat nodes) joined with "\n". */
    String text(JsonNode input, String side) {
        List<String> parts = new ArrayList<>();
        conditioning(input, side, new HashSet<>(), parts);
        return parts.isEmpty() ? null : String.join("\n", parts);
    }

    private void conditioning(JsonNode input, String side, Set<String> path, List<String> out) {
        String id = g.linkedId(input);
        JsonNode n = g.linked(input);
        if (n == null) {
            return;
        }
        if (!enter(id, path)) {
            return;
        }
        JsonNode in = n.path("inputs");
        String type = n.path("class_type").asText();
        if (type.startsWith("CLIPTextEncode") || in.has("text") || in.has("text_g")) {
            if (in.has("text_g") || in.has("text_l")) {
                String tg = string(in.get("text_g"), path);
                String tl = string(in.get("text_l"), path);
                out.add(tl == null || tl.equals(tg) ? tg : tg + "\n" + tl);
            } else {
                String t = string(in.has("text") ? in.get("text") : in.get("prompt"), path);
                if (t != null) {
                    out.add(t);
                }
            }
            clip(in.get("clip"), path);
        } else if (in.has(side) && ComfyGraph.isLink(in.get(side))) {
            conditioning(in.get(side), side, path, out); // ControlNetApplyAdvanced and the like pass both sides
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getKey().startsWith("conditioning") && ComfyGraph.isLink(f.getValue())) {
                    conditioning(f.getValue(), side, path, out);
                }
            }
        }
        path.remove(id);
    }

    /** A string input, following links through text / concatenate nodes. */
    private String string(JsonNode v, Set<String> path) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!ComfyGraph.isLink(v)) {
            return v.isTextual() ? v.asText() : v.toString();
        }
        String id = g.linkedId(v);
        JsonNode n = g.linked(v);
        if (n == null || !enter(id, path)) {
            return null;
        }
        JsonNode in = n.path("inputs");
        String result;
        if (n.path("class_type").asText().toLowerCase().contains("concat")) {
            String delimiter = in.has("delimiter") ? in.get("delimiter").asText()
                    : in.has("separator") ? in.get("separator").asText() : "";
            List<String> parts = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String k = f.getKey();
                if (k.equals("delimiter") || k.equals("separator") || k.startsWith("clean")) {
                    continue;
                }
                String s = string(f.getValue(), path);
                if (s != null && !s.isEmpty() && (f.getValue().isTextual() || ComfyGraph.isLink(f.getValue()))) {
                    parts.add(s);
                }
            }
            result = String.join(delimiter, parts);
        } else {
            result = null;
            for (String k : List.of("text", "string", "value", "prompt", "Text", "STRING")) {
                if (in.has(k)) {
                    result = string(in.get(k), path);
                    break;
                }
            }
        }
        path.remove(id);
        return result;
    }

    /** Follows a model input to the checkpoint, collecting LoRAs (reported in the order they are applied). */
    void model(JsonNode input, GenerationRecord.Builder b) {
        Set<String> path = new HashSet<>();
        List<String> chain = new ArrayList<>();
        JsonNode cur = input;
        while (true) {
            String id = g.linkedId(cur);
            JsonNode n = g.linked(cur);
            if (n == null || !enter(id, path)) {
                break;
            }
            JsonNode in = n.path("inputs");
            if (in.has("lora_name")) {
                chain.add(0, id);
            }
            String ckpt = first(in, "ckpt_name", "unet_name", "model_name", "checkpoint");
            if (ckpt != null) {
                b.model(ckpt);
                break;
            }
            cur = in.get("model");
        }
        for (String id : chain) {
            lora(id, g.nodes().get(id), b);
        }
    }

    /** Follows a clip input for LoRAs applied to it alone and for CLIPSetLastLayer (clip skip). */
    private void clip(JsonNode input, Set<String> outer) {
        Set<String> path = new HashSet<>(outer);
        JsonNode cur = input;
        while (true) {
            String id = g.linkedId(cur);
            JsonNode n = g.linked(cur);
            if (n == null || !enter(id, path)) {
                return;
            }
            JsonNode in = n.path("inputs");
            if (in.has("stop_at_clip_layer") && clipSkip == null) {
                Number layer = g.number(in.get("stop_at_clip_layer"), 0);
                clipSkip = layer == null ? null : -layer.intValue();
            }
            if (in.has("lora_name")) {
                pendingClipLoras.add(0, id);
            }
            cur = in.get("clip");
        }
    }

    private Integer clipSkip;
    private final List<String> pendingClipLoras = new ArrayList<>();

    private void lora(String id, JsonNode n, GenerationRecord.Builder b) {
        JsonNode in = n.path("inputs");
        if (!in.has("lora_name") || !loraNodes.add(id)) {
            return;
        }
        Number sm = g.number(in.get("strength_model"), 0);
        Number sc = g.number(in.get("strength_clip"), 0);
        Object name = g.scalar(in.get("lora_name"), 0);
        b.lora(new Lora(name == null ? null : name.toString(), sm == null ? null : sm.doubleValue(),
                sc == null ? null : sc.doubleValue(), null, "lora", n.path("class_type").asText() + " node " + id));
    }

    /** Width and height from the latent chain; an upstream sampler (a second pass) is named in the params. */
    void latent(JsonNode input, GenerationRecord.Builder b) {
        finishClip(b);
        Set<String> path = new HashSet<>();
        JsonNode cur = input;
        double scale = 1.0;
        while (true) {
            String id = g.linkedId(cur);
            JsonNode n = g.linked(cur);
            if (n == null || !enter(id, path)) {
                return;
            }
            JsonNode in = n.path("inputs");
            if (in.has("positive") && (in.has("seed") || in.has("noise_seed") || in.has("noise"))) {
                b.param(Param.of("latent from sampler node", id));
                b.mapped("latent from sampler node");
            }
            Number w = g.number(in.get("width"), 0);
            Number h = g.number(in.get("height"), 0);
            if (w != null && h != null) {
                b.width((int) Math.round(w.doubleValue() * scale)).height((int) Math.round(h.doubleValue() * scale));
                Number batch = g.number(in.get("batch_size"), 0);
                if (batch != null) {
                    b.param(Param.of("batch_size", batch.toString())).mapped("batch_size");
                }
                return;
            }
            Number by = g.number(in.get("scale_by"), 0);
            if (by != null) {
                scale *= by.doubleValue();
            }
            cur = in.has("samples") ? in.get("samples") : in.has("latent") ? in.get("latent")
                    : in.has("latent_image") ? in.get("latent_image") : in.get("pixels");
        }
    }

    private void finishClip(GenerationRecord.Builder b) {
        if (clipSkip != null) {
            b.clipSkip(clipSkip);
        }
        for (String id : pendingClipLoras) {
            lora(id, g.nodes().get(id), b);
        }
    }

    /** The VAE of the VAEDecode that decodes this sampler's output (a VAELoader, or the checkpoint's own). */
    void vae(String samplerId, GenerationRecord.Builder b) {
        for (JsonNode n : g.nodes().values()) {
            JsonNode in = n.path("inputs");
            if (n.path("class_type").asText().startsWith("VAEDecode") && samplerId.equals(g.linkedId(in.get("samples")))) {
                JsonNode v = g.linked(in.get("vae"));
                if (v != null && v.path("inputs").has("vae_name")) {
                    Object name = g.scalar(v.path("inputs").get("vae_name"), 0);
                    b.vae(name == null ? null : name.toString());
                }
                return;
            }
        }
    }

    private String first(JsonNode in, String... keys) {
        for (String k : keys) {
            if (in.has(k)) {
                Object o = g.scalar(in.get(k), 0);
                return o == null ? null : o.toString();
            }
        }
        return null;
    }

    private boolean enter(String id, Set<String> path) {
        if (!path.add(id) || path.size() > MAX_PATH) {
            g.cycle(id);
            return false;
        }
        return true;
    }
}
