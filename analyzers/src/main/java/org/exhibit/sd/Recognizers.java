package org.exhibit.sd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which generator's format each text item is in and hands it to that format's reader. Dedicated
 * formats come first; a ComfyUI graph that sits beside another generator's record (SwarmUI writes both) adds
 * its own records after it.
 */
final class Recognizers {

    private static final Pattern XMP_USER_COMMENT = Pattern.compile(
            "<exif:UserComment>.*?<rdf:li[^>]*>(.*?)</rdf:li>", Pattern.DOTALL);

    private Recognizers() {
    }

    static void recognize(List<TextEntry> texts, List<GenerationRecord> records, List<Anomaly> anomalies) {
        Map<String, TextEntry> by = new LinkedHashMap<>();
        for (TextEntry t : texts) {
            by.putIfAbsent(t.keyword(), t);
        }
        Map<String, String> values = new LinkedHashMap<>();
        by.forEach((k, t) -> values.put(k, t.text()));
        for (TextEntry t : texts) {
            String k = t.keyword();
            if (t.text().isBlank()) {
                continue;
            }
            JsonNode json = JsonFields.object(t.text());
            switch (k) {
                case "parameters", "UserComment", "Comment" -> {
                    if (json == null) {
                        if (Infotext.looksLikeInfotext(t.text())) {
                            records.add(InfotextRecord.from(t.text(), t.source()));
                        }
                    } else if (json.has("sui_image_params")) {
                        records.add(JsonRecords.swarm(json, t));
                    } else if (k.equals("Comment") && (json.has("uc") || "NovelAI".equals(values.get("Software")))) {
                        records.add(NovelAi.record(json, values, t));
                    } else if (json.has("base_model") || json.has("full_prompt") || by.containsKey("fooocus_scheme")) {
                        records.add(JsonRecords.fooocus(json, t));
                    } else if (json.has("use_stable_diffusion_model") || json.has("num_inference_steps")
                            || json.has("Stable Diffusion model")) {
                        records.add(JsonRecords.easyDiffusion(json, t));
                    }
                }
                case "invokeai_metadata" -> {
                    if (json != null) {
                        records.add(InvokeAi.metadata(json, t));
                    }
                }
                case "sd-metadata" -> {
                    if (json != null) {
                        records.add(InvokeAi.sdMetadata(json, t));
                    }
                }
                case "Dream" -> {
                    if (!by.containsKey("sd-metadata")) {
                        records.add(InvokeAi.dream(t.text(), t));
                    }
                }
                case "XMP", "XML:com.adobe.xmp" -> drawThings(t, records);
                case "stealth" -> stealth(t, json, records);
                default -> { }
            }
        }
        easyDiffusionChunks(by, records);
        comfy(by, records, anomalies);
    }

    private static void stealth(TextEntry t, JsonNode json, List<GenerationRecord> records) {
        if (json == null) {
            if (Infotext.looksLikeInfotext(t.text())) {
                records.add(InfotextRecord.from(t.text(), t.source()));
            }
            return;
        }
        JsonNode comment = JsonFields.object(json.path("Comment").asText(null));
        if (comment != null) {
            Map<String, String> items = new LinkedHashMap<>();
            json.fields().forEachRemaining(e -> items.put(e.getKey(), JsonFields.asText(e.getValue())));
            records.add(NovelAi.record(comment, items, t));
        }
    }

    /** Easy Diffusion's PNG form: one tEXt chunk per key ("prompt", "negative_prompt", "seed"...). */
    private static void easyDiffusionChunks(Map<String, TextEntry> by, List<GenerationRecord> records) {
        if (!by.containsKey("negative_prompt") && !by.containsKey("Negative Prompt")) {
            return;
        }
        ObjectNode o = JsonFields.JSON.createObjectNode();
        by.forEach((k, t) -> o.put(k, t.text()));
        TextEntry first = by.values().iterator().next();
        records.add(JsonRecords.easyDiffusion(o, new TextEntry("(text chunks)", o.toString(),
                new Source(first.source().carrier(), "(" + by.size() + " chunks)", first.source().offset(),
                        first.source().length(), null, null))));
    }

    private static void comfy(Map<String, TextEntry> by, List<GenerationRecord> records, List<Anomaly> anomalies) {
        TextEntry prompt = by.get("prompt");
        if (by.containsKey("negative_prompt") || by.containsKey("Negative Prompt")) {
            return;
        }
        if (prompt == null) {
            TextEntry workflow = by.get("workflow");
            JsonNode ui = workflow == null ? null : JsonFields.object(workflow.text());
            if (ui != null && ComfyWorkflow.isWorkflow(ui)) {
                records.addAll(ComfyGraph.workflowRecords(ui, workflow, anomalies));
            }
            return;
        }
        JsonNode graph = JsonFields.object(prompt.text());
        if (graph == null) {
            anomalies.add(new Anomaly("sd.comfyui-not-json", "The PNG text item 'prompt' in "
                    + prompt.source().describe() + " is not the JSON object ComfyUI writes there, so no graph "
                    + "could be read from it.", prompt.source().describe(), prompt.source().offset(),
                    prompt.source().length()));
            return;
        }
        if (!ComfyGraph.isApiGraph(graph)) {
            anomalies.add(new Anomaly("sd.comfyui-not-json", "The PNG text item 'prompt' in "
                    + prompt.source().describe() + " is JSON but holds no ComfyUI nodes (class_type + inputs).",
                    prompt.source().describe(), prompt.source().offset(), prompt.source().length()));
            return;
        }
        records.addAll(ComfyGraph.records(graph, prompt, anomalies));
    }

    private static void drawThings(TextEntry t, List<GenerationRecord> records) {
        Matcher m = XMP_USER_COMMENT.matcher(t.text());
        if (!m.find()) {
            return;
        }
        JsonNode json = JsonFields.object(unescapeXml(m.group(1)));
        if (json != null && (json.has("c") || t.text().contains("Draw Things"))) {
            records.add(JsonRecords.drawThings(json, t));
        }
    }

    static String unescapeXml(String s) {
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("&(#x[0-9a-fA-F]+|#\\d+|quot|amp|lt|gt|apos);").matcher(s);
        int last = 0;
        while (m.find()) {
            out.append(s, last, m.start());
            String e = m.group(1);
            out.append(switch (e) {
                case "quot" -> "\"";
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "apos" -> "'";
                default -> new String(Character.toChars(e.startsWith("#x")
                        ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1))));
            });
            last = m.end();
        }
        return out.append(s.substring(last)).toString();
    }
}
