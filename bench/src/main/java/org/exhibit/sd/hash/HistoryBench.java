package org.exhibit.sd.hash;

import org.exhibit.bench.BenchmarkResult.MethodResult;
import org.exhibit.report.Numbers;
import org.exhibit.sd.Infotext;
import org.exhibit.sd.Lora;
import org.exhibit.sd.Param;
import org.exhibit.sd.PromptTags;
import org.exhibit.sd.history.Change;
import org.exhibit.sd.history.Generation;
import org.exhibit.sd.history.GenerationDiff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * History-diff benchmark: random A1111 generations are edited step by step (seed, a parameter changed, added or
 * removed, a LoRA added, removed or re-weighted, a prompt phrase added, removed or re-weighted, a negative-prompt
 * phrase added or removed; 0-3 edits a step), each written as infotext, parsed back with the record reader's
 * infotext parser and diffed. Every field of every step is a trial: an edited field whose change is not reported
 * exactly is a miss; an unedited field with a reported change is spurious.
 */
final class HistoryBench {

    private static final List<String> SAMPLERS = List.of("Euler a", "DPM++ 2M Karras", "DDIM", "UniPC");
    private static final double[] WEIGHTS = {0.8, 0.9, 1.2, 1.3, 1.4, 1.5};

    private record Phrase(List<String> words, double weight) {
        String render() {
            String w = String.join(" ", words);
            return weight == 1.0 ? w : "(" + w + ":" + Numbers.format(weight) + ")";
        }
    }

    /** One generation as a creator sets it. */
    private static final class State {
        List<Phrase> prompt = new ArrayList<>();
        List<Phrase> negative = new ArrayList<>();
        Map<String, Double> loras = new LinkedHashMap<>();
        Map<String, String> params = new LinkedHashMap<>();
        long seed;

        State copy() {
            State s = new State();
            s.prompt = new ArrayList<>(prompt);
            s.negative = new ArrayList<>(negative);
            s.loras = new LinkedHashMap<>(loras);
            s.params = new LinkedHashMap<>(params);
            s.seed = seed;
            return s;
        }

        String infotext() {
            StringBuilder p = new StringBuilder(String.join(", ", prompt.stream().map(Phrase::render).toList()));
            loras.forEach((n, w) -> p.append(", <lora:").append(n).append(':').append(Numbers.format(w)).append('>'));
            StringBuilder line = new StringBuilder();
            Map<String, String> all = new LinkedHashMap<>(params);
            all.put("Seed", Long.toString(seed));
            all.forEach((k, v) -> line.append(line.length() == 0 ? "" : ", ").append(k).append(": ")
                    .append(Infotext.quote(v)));
            return p + "\nNegative prompt: " + String.join(", ", negative.stream().map(Phrase::render).toList())
                    + "\n" + line;
        }
    }

    private HistoryBench() {
    }

    static MethodResult run(long seed, int steps) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        int[] fresh = {0};
        int positives = 0;
        int negatives = 0;
        int missed = 0;
        int spurious = 0;
        long nanos = 0;
        State state = start(random, fresh);
        for (int i = 0; i < steps; i++) {
            if (i % 25 == 0) {
                state = start(random, fresh);
            }
            State next = state.copy();
            Map<String, Change> expected = new LinkedHashMap<>();
            int edits = random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                edit(random, next, expected, fresh);
            }
            long t = System.nanoTime();
            List<Change> reported = GenerationDiff.between(parse(state.infotext()), parse(next.infotext()));
            nanos += System.nanoTime() - t;
            Map<String, List<Change>> bySlot = new LinkedHashMap<>();
            reported.forEach(c -> bySlot.computeIfAbsent(slot(c), k -> new ArrayList<>()).add(c));
            Set<String> slots = new HashSet<>(slots(state));
            slots.addAll(slots(next));
            slots.addAll(bySlot.keySet());
            for (String s : slots) {
                Change want = expected.get(s);
                List<Change> got = bySlot.getOrDefault(s, List.of());
                if (want != null) {
                    positives++;
                    missed += got.equals(List.of(want)) ? 0 : 1;
                } else {
                    negatives++;
                    spurious += got.isEmpty() ? 0 : 1;
                }
            }
            state = next;
        }
        return new MethodResult("history-diff", "every field of every step: an edited field must be reported "
                + "exactly (kind, field, before, after), an unedited one not at all", positives, negatives,
                spurious / (double) Math.max(1, negatives), missed / (double) Math.max(1, positives), null,
                nanos / 1e6 / steps);
    }

    private static State start(Random random, int[] fresh) {
        State s = new State();
        int phrases = 4 + random.nextInt(8);
        for (int i = 0; i < phrases; i++) {
            s.prompt.add(phrase(random, fresh));
        }
        for (int i = 0; i < 2 + random.nextInt(4); i++) {
            s.negative.add(phrase(random, fresh));
        }
        s.loras.put("lora-" + fresh[0]++, 0.75);
        s.params.put("Steps", Integer.toString(20 + random.nextInt(20)));
        s.params.put("Sampler", SAMPLERS.get(random.nextInt(SAMPLERS.size())));
        s.params.put("CFG scale", Integer.toString(5 + random.nextInt(8)));
        s.params.put("Size", "512x768");
        s.params.put("Model hash", String.format("%010x", random.nextLong() & 0xffffffffffL));
        s.params.put("Model", "AsiaFacemix-pruned-fix");
        s.seed = random.nextInt() & 0xffffffffL;
        return s;
    }

    /** A phrase of 1-3 words never used before, so that word alignment is unambiguous by construction. */
    private static Phrase phrase(Random random, int[] fresh) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i <= random.nextInt(3); i++) {
            words.add("w" + fresh[0]++);
        }
        return new Phrase(words, random.nextInt(4) == 0 ? WEIGHTS[random.nextInt(WEIGHTS.length)] : 1.0);
    }

    /** One edit to a field not yet edited in this step, with the change it must produce. */
    private static void edit(Random random, State s, Map<String, Change> expected, int[] fresh) {
        switch (random.nextInt(7)) {
            case 0 -> {
                if (!expected.containsKey("Seed")) {
                    long before = s.seed;
                    s.seed = (s.seed + 1 + random.nextInt(1000)) & 0xffffffffL;
                    expected.put("Seed", new Change("seed", "Seed", Long.toString(before), Long.toString(s.seed)));
                }
            }
            case 1 -> {
                String key = List.of("Steps", "CFG scale", "Sampler").get(random.nextInt(3));
                if (!expected.containsKey("param:" + key)) {
                    String before = s.params.get(key);
                    String after = key.equals("Sampler") ? SAMPLERS.get((SAMPLERS.indexOf(before) + 1) % SAMPLERS.size())
                            : Integer.toString(Integer.parseInt(before) + 1 + random.nextInt(5));
                    s.params.put(key, after);
                    expected.put("param:" + key, new Change("parameter", key, before, after));
                }
            }
            case 2 -> {
                if (!expected.containsKey("param:Clip skip")) {
                    String before = s.params.remove("Clip skip");
                    if (before == null) {
                        s.params.put("Clip skip", "2");
                    }
                    expected.put("param:Clip skip", before == null ? new Change("parameter-added", "Clip skip", null, "2")
                            : new Change("parameter-removed", "Clip skip", before, null));
                }
            }
            case 3 -> lora(random, s, expected, fresh);
            case 4, 5 -> words(random, s.prompt, "Prompt", expected, fresh);
            default -> words(random, s.negative, "Negative prompt", expected, fresh);
        }
    }

    private static void lora(Random random, State s, Map<String, Change> expected, int[] fresh) {
        String name = s.loras.isEmpty() || random.nextBoolean() ? "lora-" + fresh[0]++
                : new ArrayList<>(s.loras.keySet()).get(random.nextInt(s.loras.size()));
        if (expected.containsKey("lora:" + name)) {
            return;
        }
        Double before = s.loras.get(name);
        if (before == null) {
            double w = WEIGHTS[random.nextInt(WEIGHTS.length)];
            s.loras.put(name, w);
            expected.put("lora:" + name, new Change("lora-added", name, null, Numbers.format(w)));
        } else if (random.nextBoolean() && s.loras.size() > 1) {
            s.loras.remove(name);
            expected.put("lora:" + name, new Change("lora-removed", name, Numbers.format(before), null));
        } else {
            double w = before == 0.5 ? 0.6 : 0.5;
            s.loras.put(name, w);
            expected.put("lora:" + name, new Change("lora-weight", name, Numbers.format(before), Numbers.format(w)));
        }
    }

    private static void words(Random random, List<Phrase> phrases, String field, Map<String, Change> expected,
                              int[] fresh) {
        if (expected.containsKey("words:" + field)) {
            return;
        }
        int kind = phrases.size() < 3 ? 0 : random.nextInt(3);
        int at = random.nextInt(phrases.size() + (kind == 0 ? 1 : 0));
        if (kind == 0) {
            Phrase p = phrase(random, fresh);
            phrases.add(at, p);
            expected.put("words:" + field, new Change("words-added", field, null, p.render()));
        } else if (kind == 1) {
            Phrase p = phrases.remove(at);
            expected.put("words:" + field, new Change("words-removed", field, p.render(), null));
        } else {
            Phrase p = phrases.get(at);
            Phrase q = new Phrase(p.words(), p.weight() == 1.3 ? 1.5 : 1.3);
            phrases.set(at, q);
            expected.put("words:" + field, new Change("words-reweighted", field, p.render(), q.render()));
        }
    }

    private static String slot(Change c) {
        return switch (c.kind()) {
            case "seed" -> "Seed";
            case "parameter", "parameter-added", "parameter-removed" -> "param:" + c.field();
            case "lora-added", "lora-removed", "lora-weight", "lora-hash" -> "lora:" + c.field();
            default -> "words:" + c.field();
        };
    }

    private static List<String> slots(State s) {
        List<String> out = new ArrayList<>(List.of("Seed", "words:Prompt", "words:Negative prompt"));
        s.params.keySet().forEach(k -> out.add("param:" + k));
        s.loras.keySet().forEach(k -> out.add("lora:" + k));
        return out;
    }

    /** The generation as the history sees it, via the record reader's infotext parser. */
    private static Generation parse(String infotext) {
        Infotext.Parsed p = Infotext.parse(infotext);
        Map<String, String> params = new LinkedHashMap<>();
        Long seed = null;
        for (Param x : p.params()) {
            if (x.key().equals("Seed")) {
                seed = Long.parseLong(x.value());
            } else {
                params.putIfAbsent(x.key(), x.value());
            }
        }
        List<Generation.Network> nets = new ArrayList<>();
        for (Lora l : PromptTags.loras(p.prompt())) {
            nets.add(new Generation.Network(l.name(), l.kind(), l.weight(), null));
        }
        return new Generation(p.prompt(), p.negativePrompt(), seed, params, nets);
    }
}
