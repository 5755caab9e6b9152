package org.exhibit.sd.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exhibit.sd.GenerationRecord;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The court's control experiment: the record with one thing changed. A record that carries its own ComfyUI graph
 * gets the same change made inside that graph, so the control runs on the very graph the claim ran on.
 */
public final class Variations {

    /** What a control changes. */
    public enum Kind {
        /** seed + 1 */
        SEED,
        /** the prompt's last comma-separated part dropped */
        PROMPT
    }

    /** A changed record and what was changed, in words. */
    public record Variant(Kind kind, GenerationRecord record, String change) {
    }

    private Variations() {
    }

    public static Variant of(GenerationRecord r, Kind kind) {
        GenerationRecord.Builder b = r.toBuilder();
        String change;
        if (kind == Kind.SEED) {
            long seed = r.seed() == null ? 0 : r.seed();
            b.seed(seed + 1);
            change = "seed " + seed + " → " + (seed + 1);
            b.rawText(patchGraph(r, seed, null, null));
        } else {
            String prompt = r.prompt() == null ? "" : r.prompt();
            String shorter = dropLastPart(prompt);
            b.prompt(shorter);
            change = "prompt without \"" + prompt.substring(shorter.length()).replaceFirst("^\\s*,\\s*", "").strip()
                    + "\"";
            b.rawText(patchGraph(r, null, prompt, shorter));
        }
        return new Variant(kind, b.build(), change);
    }

    /** "a, b, <lora:x:1>, c" → "a, b, <lora:x:1>": the last part that is not a LoRA tag goes. */
    static String dropLastPart(String prompt) {
        String[] parts = prompt.split(",", -1);
        for (int i = parts.length - 1; i >= 0; i--) {
            String p = parts[i].strip();
            if (!p.isEmpty() && !p.startsWith("<")) {
                StringBuilder sb = new StringBuilder();
                for (int k = 0; k < parts.length; k++) {
                    if (k != i) {
                        sb.append(sb.length() == 0 ? "" : ",").append(parts[k]);
                    }
                }
                return sb.toString().strip().replaceAll(",\\s*$", "");
            }
        }
        return prompt;
    }

    private static String patchGraph(GenerationRecord r, Long seed, String prompt, String newPrompt) {
        if (!"comfyui-prompt".equals(r.format()) || r.rawText() == null) {
            return r.rawText();
        }
        try {
            JsonNode graph = GeneratorServer.JSON.readTree(r.rawText());
            for (JsonNode node : graph) {
                if (!(node.path("inputs") instanceof ObjectNode in)) {
                    continue;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    boolean seedInput = e.getKey().equals("seed") || e.getKey().equals("noise_seed");
                    if (seed != null && seedInput && e.getValue().isIntegralNumber() && e.getValue().asLong() == seed) {
                        e.setValue(GeneratorServer.JSON.getNodeFactory().numberNode(seed + 1));
                    }
                    if (prompt != null && e.getValue().isTextual() && e.getValue().asText().equals(prompt)) {
                        e.setValue(GeneratorServer.JSON.getNodeFactory().textNode(newPrompt));
                    }
                }
            }
            return GeneratorServer.JSON.writeValueAsString(graph);
        } catch (IOException e) {
            return r.rawText();
        }
    }
}
