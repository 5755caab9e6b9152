package org.exhibit.sd;

import java.util.ArrayList;
import java.util.List;

/**
 * Extra-network tags in an A1111-style prompt: {@code <lora:name:0.75>}, {@code <lora:name:te:unet>},
 * {@code <lora:name:te=0.5:unet=0.8>}, {@code <lyco:...>}, {@code <hypernet:name:1>}. The webui finds them with
 * {@code <(\w+):([^>]+)>} (modules/extra_networks.py) and splits the arguments on ":"; for LoRA the first
 * number is the text-encoder multiplier and the second, if any, the UNet multiplier (default: the first).
 */
public final class PromptTags {

    /** One extra-network tag: its characters [start, end) in the prompt, its kind and its ":"-separated arguments. */
    record Tag(int start, int end, String kind, String args) {
    }

    private PromptTags() {
    }

    /** The LoRA / LyCORIS / hypernetwork tags in {@code prompt}, in order. */
    public static List<Lora> loras(String prompt) {
        List<Lora> out = new ArrayList<>();
        if (prompt == null) {
            return out;
        }
        for (Tag tag : tags(prompt)) {
            String kind = tag.kind();
            if (!kind.equals("lora") && !kind.equals("lyco") && !kind.equals("hypernet")) {
                continue;
            }
            String[] args = tag.args().split(":", -1);
            Double te = null;
            Double unet = null;
            List<Double> positional = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String a = args[i].strip();
                int eq = a.indexOf('=');
                if (eq > 0) {
                    String k = a.substring(0, eq).strip();
                    Double v = number(a.substring(eq + 1));
                    if (k.equals("te")) {
                        te = v;
                    } else if (k.equals("unet")) {
                        unet = v;
                    }
                } else {
                    positional.add(number(a));
                }
            }
            if (te == null && !positional.isEmpty()) {
                te = positional.get(0);
            }
            if (unet == null && positional.size() > 1) {
                unet = positional.get(1);
            }
            if (te == null) {
                te = 1.0; // extra_networks_lora: te_multiplier defaults to 1.0
            }
            if (unet == null) {
                unet = te;
            }
            out.add(new Lora(args[0], unet, te, null, kind, "prompt tag"));
        }
        return out;
    }

    /**
     * Every match of the webui's {@code <(\w+):([^>]+)>}, found in one pass. The regex itself, tried at each "<",
     * scans to the next "&gt;" every time: quadratic on a prompt of many unclosed tags. Here the next "&gt;" is
     * found once and reused, and when none is left no later "<" can match, so the scan stops.
     */
    static List<Tag> tags(String prompt) {
        List<Tag> out = new ArrayList<>();
        int n = prompt.length();
        int close = prompt.indexOf('>');
        int i = prompt.indexOf('<');
        while (i >= 0 && close >= 0) {
            if (close < i) {
                close = prompt.indexOf('>', i);
                if (close < 0) {
                    break;
                }
            }
            int k = i + 1;
            while (k < n && isWord(prompt.charAt(k))) {
                k++;
            }
            // "<" word ":" then one or more characters up to the first ">"
            if (k > i + 1 && k < n && prompt.charAt(k) == ':' && close > k + 1) {
                out.add(new Tag(i, close + 1, prompt.substring(i + 1, k), prompt.substring(k + 1, close)));
                i = prompt.indexOf('<', close + 1);
            } else {
                i = prompt.indexOf('<', i + 1);
            }
        }
        return out;
    }

    /** {@code prompt} without its extra-network tags (the webui strips them before weighting the text). */
    static String strip(String prompt) {
        StringBuilder b = new StringBuilder(prompt.length());
        int at = 0;
        for (Tag t : tags(prompt)) {
            b.append(prompt, at, t.start());
            at = t.end();
        }
        return b.append(prompt, at, prompt.length()).toString();
    }

    /** Python's \w on str (Unicode letters, digits, underscore), as the webui's pattern uses it. */
    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.CONNECTOR_PUNCTUATION;
    }

    private static Double number(String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
