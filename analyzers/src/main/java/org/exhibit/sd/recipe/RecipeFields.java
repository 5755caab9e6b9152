package org.exhibit.sd.recipe;

import org.exhibit.sd.GenerationRecord;
import org.exhibit.sd.HiresFix;
import org.exhibit.sd.Lora;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The part of a generation record that decides the image, in one vocabulary whichever generator wrote it: the
 * model and LoRA names without folder or extension, the prompt without its LoRA tags (they are listed apart),
 * A1111's sampler/schedule names, ComfyUI's implied CPU noise. Two records that agree here ask for the same image.
 */
public record RecipeFields(String model, String vae, List<LoraUse> loras, String prompt, String negativePrompt,
                           Long seed, Long subseed, Double subseedStrength, Integer steps, String sampler,
                           String scheduler, Double cfgScale, Integer width, Integer height, Integer clipSkip,
                           String rngSource, HiresFix hires) {

    /** A LoRA applied with a model weight (and a text-encoder weight where it differs). */
    public record LoraUse(String name, Double weight, Double clipWeight) {
    }

    private static final Pattern TAG = Pattern.compile("<(lora|lyco|hypernet):[^>]+>");

    public static RecipeFields of(GenerationRecord r) {
        SamplerNames.Pair s = SamplerNames.canonical(r.sampler(), r.scheduler());
        List<LoraUse> loras = new ArrayList<>();
        for (Lora l : r.loras()) {
            if (l.weight() != null) {
                Double clip = l.clipWeight() == null || l.clipWeight().equals(l.weight()) ? null : l.clipWeight();
                loras.add(new LoraUse(baseName(l.name()), l.weight(), clip));
            }
        }
        boolean comfy = r.generator() != null && r.generator().toLowerCase(Locale.ROOT).contains("comfy");
        String rng = comfy ? "CPU" : r.rngSource() == null ? "GPU" : r.rngSource();
        Integer clipSkip = r.clipSkip() == null || r.clipSkip() <= 1 ? null : r.clipSkip();
        Double strength = r.subseedStrength() == null || r.subseedStrength() == 0 ? null : r.subseedStrength();
        return new RecipeFields(baseName(r.model()), baseName(r.vae()), List.copyOf(loras), promptText(r.prompt()),
                promptText(r.negativePrompt()), r.seed(), strength == null ? null : r.subseed(), strength,
                r.steps(), s.sampler(), s.scheduler(), r.cfgScale(), r.width(), r.height(), clipSkip, rng,
                r.hires());
    }

    /** Field by field, what differs ("seed: 1 vs 2"); empty when both ask for the same image. */
    public List<String> differences(RecipeFields o) {
        List<String> d = new ArrayList<>();
        compare(d, "model", model, o.model);
        compare(d, "vae", vae, o.vae);
        compare(d, "loras", loras, o.loras);
        compare(d, "prompt", prompt, o.prompt);
        compare(d, "negative prompt", negativePrompt, o.negativePrompt);
        compare(d, "seed", seed, o.seed);
        compare(d, "variation seed", subseed, o.subseed);
        compare(d, "variation strength", subseedStrength, o.subseedStrength);
        compare(d, "steps", steps, o.steps);
        compare(d, "sampler", sampler, o.sampler);
        compare(d, "scheduler", scheduler, o.scheduler);
        compare(d, "cfg scale", cfgScale, o.cfgScale);
        compare(d, "width", width, o.width);
        compare(d, "height", height, o.height);
        compare(d, "clip skip", clipSkip, o.clipSkip);
        compare(d, "noise source", rngSource, o.rngSource);
        compare(d, "hires fix", hires, o.hires);
        return d;
    }

    private static void compare(List<String> d, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            d.add(name + ": " + a + " vs " + b);
        }
    }

    /** "models/Stable-diffusion/x.safetensors [6ea5e0b5f9]" → "x". */
    static String baseName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.replaceAll("\\s*\\[[0-9a-fA-F]{8,12}]$", "").strip();
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        return n.replaceAll("\\.(safetensors|ckpt|pt|pth|bin|gguf|sft)$", "");
    }

    /** The prompt without LoRA tags, whitespace collapsed, dangling commas removed. */
    static String promptText(String prompt) {
        if (prompt == null) {
            return null;
        }
        String p = TAG.matcher(prompt).replaceAll("");
        p = p.replaceAll("\\s+", " ").replaceAll("(\\s*,)+\\s*$", "").replaceAll("^\\s*(,\\s*)+", "");
        p = p.replaceAll(",(\\s*,)+", ",").strip();
        return p.isEmpty() ? null : p;
    }
}
