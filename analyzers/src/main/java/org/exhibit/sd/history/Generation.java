package org.exhibit.sd.history;

import org.exhibit.sd.GenerationRecord;
import org.exhibit.sd.Lora;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the history compares of one generation: prompt, negative prompt, seed, the extra networks with their
 * weights and hashes, and every other parameter verbatim (unknown keys too), in the order the generator wrote them.
 *
 * @param prompt         the positive prompt as written (network tags included; the diff sets them aside)
 * @param negativePrompt the negative prompt, or null
 * @param seed           the seed, or null
 * @param parameters     every other key/value pair as written, in order
 * @param networks       LoRA / LyCORIS / hypernetworks by name
 */
public record Generation(String prompt, String negativePrompt, Long seed, Map<String, String> parameters,
                         List<Network> networks) {

    /** Keys the other fields hold already (the prompt is not a key/value pair in A1111's infotext). */
    private static final Set<String> HELD_ELSEWHERE = Set.of("Seed", "Lora hashes", "Prompt", "Negative prompt");

    /**
     * @param name   as the record names it
     * @param kind   lora, lyco, hypernet
     * @param weight the UNet weight, or null when not recorded
     * @param hash   as recorded, or null
     */
    public record Network(String name, String kind, Double weight, String hash) {
    }

    public Generation {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        networks = List.copyOf(networks);
    }

    public static Generation of(GenerationRecord r) {
        Map<String, String> params = new LinkedHashMap<>();
        r.parameterMap().forEach((k, v) -> {
            if (!HELD_ELSEWHERE.contains(k)) {
                params.put(k, v);
            }
        });
        Map<String, Network> byName = new LinkedHashMap<>();
        for (Lora l : r.loras()) {
            Network old = byName.get(l.name());
            byName.put(l.name(), new Network(l.name(), l.kind() != null ? l.kind() : old != null ? old.kind() : "lora",
                    old != null && old.weight() != null ? old.weight() : l.weight(),
                    l.hash() != null ? l.hash() : old != null ? old.hash() : null));
        }
        return new Generation(r.prompt(), r.negativePrompt(), r.seed(), params, new ArrayList<>(byName.values()));
    }
}
