package org.exhibit.sd;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A1111's prompt emphasis, as modules/prompt_parser.py parse_prompt_attention computes it: "(x)" multiplies by
 * 1.1, "[x]" divides by 1.1, "(x:1.3)" multiplies by 1.3, backslash escapes a bracket, unclosed brackets apply
 * to the end, "BREAK" splits chunks, and neighbouring runs of equal weight merge. ComfyUI, SwarmUI, Fooocus and
 * Easy Diffusion use the same syntax.
 */
public final class PromptSyntax {

    private static final Pattern ATTENTION = Pattern.compile(
            "\\\\\\(|\\\\\\)|\\\\\\[|\\\\]|\\\\\\\\|\\\\|\\(|\\[|:\\s*([+-]?[.\\d]+)\\s*\\)|\\)|]|[^\\\\()\\[\\]:]+|:");
    private static final Pattern BREAK = Pattern.compile("\\s*\\bBREAK\\b\\s*", Pattern.DOTALL);

    private PromptSyntax() {
    }

    /** A piece of prompt text and its attention weight (-1 marks a BREAK). */
    @JsonPropertyOrder({"text", "weight"})
    public record Weighted(String text, double weight) {
    }

    public static List<Weighted> attention(String prompt) {
        List<String> texts = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        List<Integer> round = new ArrayList<>();
        List<Integer> square = new ArrayList<>();
        Matcher m = ATTENTION.matcher(prompt);
        while (m.find()) {
            String t = m.group();
            String w = m.group(1);
            if (t.startsWith("\\")) {
                texts.add(t.substring(1));
                weights.add(1.0);
            } else if (t.equals("(")) {
                round.add(texts.size());
            } else if (t.equals("[")) {
                square.add(texts.size());
            } else if (w != null && !round.isEmpty()) {
                multiply(weights, round.remove(round.size() - 1), parse(w));
            } else if (t.equals(")") && !round.isEmpty()) {
                multiply(weights, round.remove(round.size() - 1), 1.1);
            } else if (t.equals("]") && !square.isEmpty()) {
                multiply(weights, square.remove(square.size() - 1), 1 / 1.1);
            } else {
                String[] parts = BREAK.split(t, -1);
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) {
                        texts.add("BREAK");
                        weights.add(-1.0);
                    }
                    texts.add(parts[i]);
                    weights.add(1.0);
                }
            }
        }
        for (int pos : round) {
            multiply(weights, pos, 1.1);
        }
        for (int pos : square) {
            multiply(weights, pos, 1 / 1.1);
        }
        if (texts.isEmpty()) {
            texts.add("");
            weights.add(1.0);
        }
        // neighbouring runs of equal weight merge; appended in one buffer, not by re-concatenating (quadratic)
        List<Weighted> out = new ArrayList<>();
        StringBuilder run = new StringBuilder(texts.get(0));
        double weight = weights.get(0);
        for (int i = 1; i < texts.size(); i++) {
            if (weights.get(i) == weight) {
                run.append(texts.get(i));
            } else {
                out.add(new Weighted(run.toString(), weight));
                run.setLength(0);
                run.append(texts.get(i));
                weight = weights.get(i);
            }
        }
        out.add(new Weighted(run.toString(), weight));
        return out;
    }

    /** The emphasised terms (weight other than 1) of {@code prompt}, extra-network tags removed first. */
    public static List<Weighted> emphasised(String prompt) {
        if (prompt == null) {
            return List.of();
        }
        String plain = PromptTags.strip(prompt);
        return attention(plain).stream().filter(w -> w.weight() != 1.0 && w.weight() != -1.0 && !w.text().isBlank())
                .toList();
    }

    private static void multiply(List<Double> weights, int from, double by) {
        for (int p = from; p < weights.size(); p++) {
            weights.set(p, weights.get(p) * by);
        }
    }

    private static double parse(String w) {
        try {
            return Double.parseDouble(w);
        } catch (NumberFormatException e) {
            return 1.0; // Python float() would raise; the webui's regex only lets numbers through here
        }
    }
}
