package org.exhibit.sd;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a ComfyUI API graph (PNG text "prompt": node id → {class_type, inputs}; an input [id, slot] is a link)
 * by tracing each sampler node's inputs upstream: model through LoRA and patch nodes to the checkpoint, text
 * through conditioning and string nodes (concatenations joined as ComfyUI joins them), seed/steps/cfg through
 * primitive nodes, size through the latent chain. One record per sampler, in file order. A cycle (which
 * ComfyUI itself would refuse to run) stops the trace and is reported.
 */
final class ComfyGraph {

    private static final int MAX_DEPTH = 200;
    private static final Set<String> SAMPLERS = Set.of("KSampler", "KSamplerAdvanced", "SamplerCustom",
            "SamplerCustomAdvanced", "KSampler (Efficient)", "KSamplerAdvanced (Efficient)", "KSampler //Inspire",
            "KSamplerAdvanced //Inspire", "FaceDetailer", "UltimateSDUpscale");

    private final Map<String, JsonNode> nodes = new LinkedHashMap<>();
    private final TextEntry entry;
    private final List<Anomaly> anomalies;
    private final Set<String> reportedCycles = new HashSet<>();

    private final String format;

    private ComfyGraph(JsonNode graph, TextEntry entry, List<Anomaly> anomalies, String format) {
        this.format = format;
        for (Iterator<Map.Entry<String, JsonNode>> it = graph.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isObject() && e.getValue().has("class_type")) {
                nodes.put(e.getKey(), e.getValue());
            }
        }
        this.entry = entry;
        this.anomalies = anomalies;
    }

    /** True when {@code graph} looks like an API graph (some value is an object with class_type). */
    static boolean isApiGraph(JsonNode graph) {
        for (JsonNode n : graph) {
            if (n.isObject() && n.has("class_type") && n.has("inputs")) {
                return true;
            }
        }
        return false;
    }

    static List<GenerationRecord> records(JsonNode graph, TextEntry entry, List<Anomaly> anomalies) {
        return new ComfyGraph(graph, entry, anomalies, "comfyui-prompt").records();
    }

    /** Records from a UI graph ("workflow") converted to API form by {@link ComfyWorkflow}. */
    static List<GenerationRecord> workflowRecords(JsonNode ui, TextEntry entry, List<Anomaly> anomalies) {
        return new ComfyGraph(ComfyWorkflow.toApi(ui), entry, anomalies, "comfyui-workflow").records();
    }

    private List<GenerationRecord> records() {
        List<GenerationRecord> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : nodes.entrySet()) {
            String type = e.getValue().path("class_type").asText();
            JsonNode in = e.getValue().path("inputs");
            boolean samplerLike = in.has("positive") && (in.has("seed") || in.has("noise_seed"));
            if (SAMPLERS.contains(type) || samplerLike) {
                out.add(record(e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    private GenerationRecord record(String id, JsonNode node) {
        String type = node.path("class_type").asText();
        JsonNode in = node.path("inputs");
        GenerationRecord.Builder b = GenerationRecord.builder().generator("ComfyUI").format(format)
                .rawText(entry.text()).source(entry.source());
        b.param(Param.of("sampler node", id)).param(Param.of("class_type", type)).mapped("sampler node")
                .mapped("class_type");
        for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!isLink(f.getValue())) {
                b.param(Param.of(f.getKey(), JsonFields.asText(f.getValue())));
            }
        }
        Number seed = number(in.has("noise_seed") ? in.get("noise_seed") : in.get("seed"), 0);
        JsonNode noise = linked(in.get("noise"));
        if (seed == null && noise != null) {
            seed = number(noise.path("inputs").get("noise_seed"), 0);
        }
        b.seed(seed == null ? null : seed.longValue()).mapped("seed").mapped("noise_seed");
        Number steps = number(in.get("steps"), 0);
        Number cfg = number(in.get("cfg"), 0);
        Object samplerName = scalar(in.get("sampler_name"), 0);
        Object scheduler = scalar(in.get("scheduler"), 0);
        Number denoise = number(in.get("denoise"), 0);
        JsonNode guider = linked(in.get("guider"));
        if (guider != null && cfg == null) {
            cfg = number(guider.path("inputs").get("cfg"), 0);
        }
        JsonNode samplerNode = linked(in.get("sampler"));
        if (samplerNode != null && samplerName == null) {
            samplerName = scalar(samplerNode.path("inputs").get("sampler_name"), 0);
        }
        JsonNode sigmas = linked(in.get("sigmas"));
        if (sigmas != null) {
            JsonNode si = sigmas.path("inputs");
            steps = steps != null ? steps : number(si.get("steps"), 0);
            scheduler = scheduler != null ? scheduler : scalar(si.get("scheduler"), 0);
            denoise = denoise != null ? denoise : number(si.get("denoise"), 0);
            if (scheduler == null) {
                scheduler = sigmas.path("class_type").asText();
            }
        }
        b.steps(steps == null ? null : steps.intValue()).cfgScale(cfg == null ? null : cfg.doubleValue())
                .sampler(samplerName == null ? null : samplerName.toString())
                .scheduler(scheduler == null ? null : scheduler.toString())
                .denoise(denoise == null ? null : denoise.doubleValue());
        for (String k : List.of("steps", "cfg", "sampler_name", "scheduler", "denoise")) {
            b.mapped(k);
        }
        JsonNode positiveSource = in.has("positive") ? in.get("positive") : guider == null ? null
                : guider.path("inputs").has("positive") ? guider.path("inputs").get("positive")
                : guider.path("inputs").get("conditioning");
        JsonNode negativeSource = in.has("negative") ? in.get("negative")
                : guider == null ? null : guider.path("inputs").get("negative");
        ComfyTrace trace = new ComfyTrace(this);
        b.prompt(trace.text(positiveSource, "positive")).negativePrompt(trace.text(negativeSource, "negative"));
        JsonNode model = in.has("model") ? in.get("model") : guider == null ? null : guider.path("inputs").get("model");
        trace.model(model, b);
        trace.latent(in.get("latent_image"), b);
        trace.vae(id, b);
        return b.build();
    }

    // ---- graph access shared with ComfyTrace ----

    static boolean isLink(JsonNode v) {
        return v != null && v.isArray() && v.size() == 2 && (v.get(0).isTextual() || v.get(0).isIntegralNumber())
                && v.get(1).isIntegralNumber();
    }

    /** The node a link input points to, or null. */
    JsonNode linked(JsonNode v) {
        return isLink(v) ? nodes.get(v.get(0).asText()) : null;
    }

    String linkedId(JsonNode v) {
        return isLink(v) ? v.get(0).asText() : null;
    }

    Map<String, JsonNode> nodes() {
        return nodes;
    }

    /** A literal value, following links into primitive/seed/number nodes. */
    Object scalar(JsonNode v, int depth) {
        return scalar(v, new HashSet<>());
    }

    private Object scalar(JsonNode v, Set<String> path) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!isLink(v)) {
            return v.isNumber() ? v.numberValue() : v.isTextual() ? v.asText() : v.isBoolean() ? v.asBoolean() : null;
        }
        String target = v.get(0).asText();
        if (!path.add(target) || path.size() > MAX_DEPTH) {
            cycle(target);
            return null;
        }
        JsonNode n = linked(v);
        if (n == null) {
            return null;
        }
        JsonNode in = n.path("inputs");
        for (String k : List.of("value", "seed", "noise_seed", "int", "float", "number", "steps", "cfg",
                "sampler_name", "scheduler", "Value", "text", "string")) {
            if (in.has(k)) {
                return scalar(in.get(k), path);
            }
        }
        return null;
    }

    Number number(JsonNode v, int depth) {
        Object o = scalar(v, depth);
        if (o instanceof Number num) {
            return num;
        }
        if (o instanceof String s) {
            try {
                return s.contains(".") ? Double.parseDouble(s) : Long.parseLong(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    void cycle(String nodeId) {
        if (reportedCycles.add(nodeId)) {
            anomalies.add(new Anomaly("sd.comfyui-cycle", "The ComfyUI graph in " + entry.source().describe()
                    + " loops back through node " + nodeId + "; ComfyUI cannot have run it as recorded, and the "
                    + "trace stopped there.", entry.source().describe(), entry.source().offset(),
                    entry.source().length()));
        }
    }
}
