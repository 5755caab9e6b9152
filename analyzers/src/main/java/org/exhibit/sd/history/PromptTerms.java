package org.exhibit.sd.history;

import org.exhibit.report.Numbers;
import org.exhibit.sd.PromptSyntax;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an A1111-style prompt into words, each with the attention weight the webui gives it
 * ({@link PromptSyntax#attention}, the port of modules/prompt_parser.py parse_prompt_attention); extra-network
 * tags ({@code <lora:name:0.75>}, found with extra_networks.py's {@code <(\w+):([^>]+)>}) are removed first, as
 * the webui does. Words are split at
 * white space and commas; each Han character is a word of its own, since Chinese prompts have no spaces.
 */
public final class PromptTerms {

    /** One word, its attention weight, and whether a comma follows it (for reading only; not compared). */
    public record Term(String text, double weight, boolean commaAfter) {
    }

    static final Pattern NETWORK_TAG = Pattern.compile("<(\\w+):([^>]+)>", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern WORD = Pattern.compile("\\p{IsHan}|[^\\s,，、\\p{IsHan}]+");
    /** Prompts longer than this are compared on their first words only (the diff is quadratic). */
    static final int MAX_TERMS = 3000;

    private PromptTerms() {
    }

    public static List<Term> parse(String prompt) {
        if (prompt == null || prompt.isEmpty()) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        List<Boolean> commas = new ArrayList<>();
        String text = NETWORK_TAG.matcher(prompt).replaceAll(" ");
        for (PromptSyntax.Weighted w : PromptSyntax.attention(text)) {
            // BREAK (weight -1) is a word the user typed: compare it as one
            add(texts, weights, commas, w.text(), w.weight() < 0 ? 1.0 : w.weight());
        }
        List<Term> terms = new ArrayList<>();
        for (int i = 0; i < texts.size() && terms.size() < MAX_TERMS; i++) {
            double w = Math.round(weights.get(i) * 1e4) / 1e4; // 1.1 * 1.1 prints as 1.21, not 1.2100000000000002
            terms.add(new Term(texts.get(i), w, commas.get(i)));
        }
        return terms;
    }

    /** Words joined for reading: commas where the prompt had them, a space between words, none between Han. */
    public static String join(List<Term> terms) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            if (i > 0 && terms.get(i - 1).commaAfter()) {
                s.append(", ");
            } else if (s.length() > 0 && !(isHan(s.codePointBefore(s.length())) && isHan(t.text().codePointAt(0)))) {
                s.append(' ');
            }
            s.append(t.text());
        }
        return s.toString();
    }

    /** Words in the webui's notation: runs of equal weight other than 1 written as {@code (words:1.2)}. */
    public static String render(List<Term> terms) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < terms.size(); ) {
            int end = i;
            while (end < terms.size() && terms.get(end).weight() == terms.get(i).weight()) {
                end++;
            }
            String words = join(terms.subList(i, end));
            double w = terms.get(i).weight();
            s.append(s.length() == 0 ? "" : terms.get(i - 1).commaAfter() ? ", " : " ")
                    .append(w == 1.0 ? words : "(" + words + ":" + Numbers.format(w) + ")");
            i = end;
        }
        return s.toString();
    }

    private static void add(List<String> texts, List<Double> weights, List<Boolean> commas, String chunk,
                            double weight) {
        Matcher w = WORD.matcher(chunk);
        int end = 0;
        while (w.find()) {
            if (!texts.isEmpty() && isComma(chunk.substring(end, w.start()))) {
                commas.set(texts.size() - 1, true);
            }
            texts.add(w.group());
            weights.add(weight);
            commas.add(false);
            end = w.end();
        }
        if (!texts.isEmpty() && isComma(chunk.substring(end))) {
            commas.set(texts.size() - 1, true);
        }
    }

    private static boolean isComma(String between) {
        return between.contains(",") || between.contains("，") || between.contains("、");
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
