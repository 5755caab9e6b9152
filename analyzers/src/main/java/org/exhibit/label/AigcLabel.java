package org.exhibit.label;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GB 45438-2025 implicit label as found in a file, parsed and checked field by field. The label is a JSON object
 * (under the key AIGC, or as the value of a carrier named AIGC) with Label ("1" generated, "2" possibly generated,
 * "3" suspected), ContentProducer, ProduceID, ReservedCode1, ContentPropagator, PropagateID, ReservedCode2.
 *
 * @param fields   the fields as written, in file order, values as text
 * @param problems every way the label departs from the standard's format; empty when compliant
 * @param extra    keys the standard does not define
 */
public record AigcLabel(Map<String, String> fields, List<Problem> problems, List<String> extra) {

    public static final String STANDARD = "GB 45438-2025 (implicit label in file metadata)";
    static final List<String> KNOWN = List.of("Label", "ContentProducer", "ProduceID", "ReservedCode1",
            "ContentPropagator", "PropagateID", "ReservedCode2");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One departure from the standard.
     *
     * @param field   the field concerned ("(whole label)" for the structure)
     * @param clause  the requirement, in words with the standard named
     * @param problem what is wrong, in plain words
     */
    public record Problem(String field, String clause, String problem) {
    }

    public boolean compliant() {
        return problems.isEmpty();
    }

    public String label() {
        return fields.get("Label");
    }

    /** "1" → "AI-generated", and so on; null for a value the standard does not define. */
    public static String meaning(String label) {
        return label == null ? null : switch (label) {
            case "1" -> "AI-generated or synthesised";
            case "2" -> "possibly AI-generated or synthesised";
            case "3" -> "suspected AI-generated or synthesised";
            default -> null;
        };
    }

    public static AigcLabel parse(String text) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> extra = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(text.strip());
        } catch (JsonProcessingException e) {
            problems.add(new Problem("(whole label)", STANDARD + ": the label is a JSON object",
                    "the value is not valid JSON (" + e.getOriginalMessage() + ")"));
            return new AigcLabel(fields, problems, extra);
        }
        JsonNode obj = root;
        if (root != null && root.has("AIGC")) {
            obj = root.get("AIGC");
            if (obj.isTextual()) { // some writers store the inner object as a JSON string
                try {
                    obj = JSON.readTree(obj.asText());
                } catch (JsonProcessingException e) {
                    obj = null;
                }
            }
        }
        if (obj == null || !obj.isObject()) {
            problems.add(new Problem("(whole label)", STANDARD + ": the label is a JSON object of named fields",
                    "the value is not a JSON object with the label's fields"));
            return new AigcLabel(fields, problems, extra);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            fields.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
            if (!KNOWN.contains(e.getKey())) {
                extra.add(e.getKey());
            } else if (!v.isTextual()) {
                problems.add(new Problem(e.getKey(), STANDARD + ": field values are strings",
                        e.getKey() + " is a JSON " + v.getNodeType().toString().toLowerCase() + ", not a string"));
            }
        }
        check(fields, problems);
        return new AigcLabel(fields, problems, extra);
    }

    private static void check(Map<String, String> f, List<Problem> problems) {
        String label = f.get("Label");
        if (label == null) {
            problems.add(new Problem("Label", STANDARD + ": Label is required", "Label is missing"));
        } else if (meaning(label) == null) {
            problems.add(new Problem("Label", STANDARD + ": Label is \"1\" (generated), \"2\" (possibly) or \"3\" (suspected)",
                    "Label is \"" + label + "\""));
        }
        for (String required : List.of("ContentProducer", "ProduceID")) {
            String v = f.get(required);
            if (v == null || v.isBlank()) {
                problems.add(new Problem(required, STANDARD + ": " + required + " names the generating service ("
                        + (required.equals("ProduceID") ? "content number" : "provider name or code") + ") and is required",
                        required + (v == null ? " is missing" : " is empty")));
            }
        }
        boolean propagator = !f.getOrDefault("ContentPropagator", "").isBlank();
        boolean propagateId = !f.getOrDefault("PropagateID", "").isBlank();
        if (propagator != propagateId) {
            String missing = propagator ? "PropagateID" : "ContentPropagator";
            problems.add(new Problem(missing, STANDARD + ": a propagating platform records both ContentPropagator "
                    + "and PropagateID", missing + " is empty while " + (propagator ? "ContentPropagator" : "PropagateID")
                    + " is set"));
        }
    }

    /** The label's seven fields in the standard's order, as the JSON object stored under the key AIGC. */
    public static String json(String label, String producer, String produceId, String propagator, String propagateId) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Label", label);
        f.put("ContentProducer", producer);
        f.put("ProduceID", produceId);
        f.put("ReservedCode1", "");
        f.put("ContentPropagator", propagator == null ? "" : propagator);
        f.put("PropagateID", propagateId == null ? "" : propagateId);
        f.put("ReservedCode2", "");
        try {
            return JSON.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
