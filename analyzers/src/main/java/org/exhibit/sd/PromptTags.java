package org.exhibit.sd;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extra-network tags in an A1111-style prompt: {@code <lora:name:0.75>}, {@code <lora:name:te:unet>},
 * {@code <lora:name:te=0.5:unet=0.8>}, {@code <lyco:...>}, {@code <hypernet:name:1>}. The webui finds them with
 * {@code <(\w+):([^>]+)>} (modules/extra_networks.py) and splits the arguments on ":"; for LoRA the first
 * number is the text-encoder multiplier and the second, if any, the UNet multiplier (default: the first).
 */
public final class PromptTags {

    static final Pattern TAG = Pattern.compile("<(\\w+):([^>]+)>", Pattern.UNICODE_CHARACTER_CLASS);

    private PromptTags() {
    }

    /** The LoRA / LyCORIS / hypernetwork tags in {@code prompt}, in order. */
    public static List<Lora> loras(String prompt) {
        List<Lora> out = new ArrayList<>();
        if (prompt == null) {
            return out;
        }
        Matcher m = TAG.matcher(prompt);
        while (m.find()) {
            String kind = m.group(1);
            if (!kind.equals("lora") && !kind.equals("lyco") && !kind.equals("hypernet")) {
                continue;
            }
            String[] args = m.group(2).split(":", -1);
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

    private static Double number(String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
