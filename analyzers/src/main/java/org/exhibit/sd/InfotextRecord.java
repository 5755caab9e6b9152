package org.exhibit.sd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/** Maps a parsed A1111 infotext to a {@link GenerationRecord}. */
final class InfotextRecord {

    private InfotextRecord() {
    }

    static GenerationRecord from(String rawText, Source source) {
        Infotext.Parsed p = Infotext.parse(rawText);
        GenerationRecord.Builder b = GenerationRecord.builder().format("a1111-infotext").rawText(rawText)
                .source(source).prompt(p.prompt()).negativePrompt(p.negativePrompt());
        p.params().forEach(b::param);
        Map<String, String> v = new LinkedHashMap<>();
        p.params().forEach(x -> v.putIfAbsent(x.key(), x.value()));
        b.generator(generator(v));
        b.steps(integer(v, b, "Steps"));
        b.sampler(text(v, b, "Sampler"));
        b.scheduler(text(v, b, "Schedule type"));
        b.cfgScale(decimal(v, b, "CFG scale"));
        b.seed(longValue(v, b, "Seed"));
        b.subseed(longValue(v, b, "Variation seed"));
        b.subseedStrength(decimal(v, b, "Variation seed strength"));
        b.model(text(v, b, "Model"));
        b.modelHash(text(v, b, "Model hash"));
        b.vae(text(v, b, "VAE"));
        b.vaeHash(text(v, b, "VAE hash"));
        b.version(text(v, b, "Version"));
        // the webui's parser fills these defaults when the key is absent (infotext_utils.py)
        Integer clipSkip = integer(v, b, "Clip skip");
        b.clipSkip(clipSkip != null ? clipSkip : (v.containsKey("Clip skip") ? null : 1));
        String rng = text(v, b, "RNG");
        b.rngSource(rng != null ? rng : "GPU");
        String size = v.get("Size");
        if (size != null) {
            Matcher m = Infotext.IMAGE_SIZE.matcher(size);
            if (m.matches()) {
                b.width(Integer.parseInt(m.group(1))).height(Integer.parseInt(m.group(2))).mapped("Size");
            }
        }
        Double denoise = decimal(v, b, "Denoising strength");
        b.denoise(denoise);
        b.hires(hires(v, b, denoise));
        loras(p.prompt(), v, b);
        return b.build();
    }

    private static HiresFix hires(Map<String, String> v, GenerationRecord.Builder b, Double denoise) {
        Double upscale = decimal(v, b, "Hires upscale");
        String upscaler = text(v, b, "Hires upscaler");
        Integer steps = integer(v, b, "Hires steps");
        Integer rw = null;
        Integer rh = null;
        String resize = v.get("Hires resize");
        if (resize != null) {
            Matcher m = Infotext.IMAGE_SIZE.matcher(resize);
            if (m.matches()) {
                rw = Integer.parseInt(m.group(1));
                rh = Integer.parseInt(m.group(2));
                b.mapped("Hires resize");
            }
        }
        if (upscale == null && upscaler == null && steps == null && rw == null) {
            return null;
        }
        return new HiresFix(upscale, rw, rh, upscaler, steps, denoise);
    }

    /** Prompt tags give names and weights; "Lora hashes" gives each name's hash. */
    private static void loras(String prompt, Map<String, String> v, GenerationRecord.Builder b) {
        Map<String, String> hashes = new LinkedHashMap<>();
        String lh = text(v, b, "Lora hashes");
        if (lh != null) {
            for (String pair : lh.split(",")) {
                int colon = pair.indexOf(':');
                if (colon > 0) {
                    hashes.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
                }
            }
        }
        List<String> tagged = new ArrayList<>();
        for (Lora l : PromptTags.loras(prompt)) {
            b.lora(l.withHash(hashes.get(l.name())));
            tagged.add(l.name());
        }
        hashes.forEach((name, hash) -> {
            if (!tagged.contains(name)) {
                b.lora(new Lora(name, null, null, hash, "lora", "Lora hashes"));
            }
        });
    }

    static String generator(Map<String, String> v) {
        String app = v.get("App");
        if (app != null) {
            return app; // SD.Next writes "App: SD.Next"
        }
        String version = v.get("Version");
        if (version == null) {
            return "A1111-style infotext (generator not named)";
        }
        if (version.matches("v\\d.*")) {
            return "AUTOMATIC1111 stable-diffusion-webui";
        }
        if (version.matches("f\\d.*")) {
            return "Stable Diffusion WebUI Forge";
        }
        if (version.equals("neo") || version.startsWith("neo")) {
            return "Stable Diffusion WebUI Forge (Neo)";
        }
        if (version.startsWith("classic")) {
            return "Stable Diffusion WebUI Forge (Classic)";
        }
        return "A1111-style infotext (Version " + version + ")";
    }

    private static String text(Map<String, String> v, GenerationRecord.Builder b, String key) {
        String s = v.get(key);
        if (s != null) {
            b.mapped(key);
        }
        return s;
    }

    private static Integer integer(Map<String, String> v, GenerationRecord.Builder b, String key) {
        try {
            String s = v.get(key);
            if (s == null) {
                return null;
            }
            Integer i = Integer.valueOf(s.strip());
            b.mapped(key);
            return i;
        } catch (NumberFormatException e) {
            return null; // kept verbatim among the other parameters
        }
    }

    private static Long longValue(Map<String, String> v, GenerationRecord.Builder b, String key) {
        try {
            String s = v.get(key);
            if (s == null) {
                return null;
            }
            Long l = Long.valueOf(s.strip());
            b.mapped(key);
            return l;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double decimal(Map<String, String> v, GenerationRecord.Builder b, String key) {
        try {
            String s = v.get(key);
            if (s == null) {
                return null;
            }
            Double d = Double.valueOf(s.strip());
            b.mapped(key);
            return d;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
