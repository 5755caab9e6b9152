package org.exhibit.sd.history;

import org.exhibit.report.Numbers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Every difference between two generations, in a fixed order: seed, parameters, networks, prompt, negative prompt. */
public final class GenerationDiff {

    private GenerationDiff() {
    }

    public static List<Change> between(Generation a, Generation b) {
        List<Change> out = new ArrayList<>();
        if (!Objects.equals(a.seed(), b.seed())) {
            out.add(new Change("seed", "Seed", str(a.seed()), str(b.seed())));
        }
        parameters(a.parameters(), b.parameters(), out);
        networks(a.networks(), b.networks(), out);
        out.addAll(PromptDiff.between("Prompt", a.prompt(), b.prompt()));
        out.addAll(PromptDiff.between("Negative prompt", a.negativePrompt(), b.negativePrompt()));
        return out;
    }

    private static void parameters(Map<String, String> a, Map<String, String> b, List<Change> out) {
        for (Map.Entry<String, String> e : a.entrySet()) {
            String after = b.get(e.getKey());
            if (after == null) {
                out.add(new Change("parameter-removed", e.getKey(), e.getValue(), null));
            } else if (!after.equals(e.getValue())) {
                out.add(new Change("parameter", e.getKey(), e.getValue(), after));
            }
        }
        b.forEach((k, v) -> {
            if (!a.containsKey(k)) {
                out.add(new Change("parameter-added", k, null, v));
            }
        });
    }

    private static void networks(List<Generation.Network> a, List<Generation.Network> b, List<Change> out) {
        Map<String, Generation.Network> before = byName(a);
        Map<String, Generation.Network> after = byName(b);
        for (Generation.Network x : before.values()) {
            Generation.Network y = after.get(x.name());
            if (y == null) {
                out.add(new Change("lora-removed", x.name(), weight(x), null));
                continue;
            }
            if (!Objects.equals(x.weight(), y.weight())) {
                out.add(new Change("lora-weight", x.name(), weight(x), weight(y)));
            }
            if (x.hash() != null && y.hash() != null && !x.hash().equalsIgnoreCase(y.hash())) {
                out.add(new Change("lora-hash", x.name(), x.hash(), y.hash()));
            }
        }
        for (Generation.Network y : after.values()) {
            if (!before.containsKey(y.name())) {
                out.add(new Change("lora-added", y.name(), null, weight(y)));
            }
        }
    }

    private static Map<String, Generation.Network> byName(List<Generation.Network> list) {
        Map<String, Generation.Network> m = new LinkedHashMap<>();
        list.forEach(n -> m.putIfAbsent(n.name(), n));
        return m;
    }

    private static String weight(Generation.Network n) {
        return n.weight() == null ? "unstated weight" : Numbers.format(n.weight());
    }

    private static String str(Long v) {
        return v == null ? "none" : v.toString();
    }
}
