package org.exhibit.sd.noise;

import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;
import org.exhibit.sd.GenerationRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a generation record says about its initial noise: seed, size, variation, seed resize, random source and
 * batch layout, with the reason for each choice and pointers to the fields read. Values the record lacks stay
 * null so the caller can ask for them.
 */
public final class RecordNoise {

    /**
     * @param why      one or two sentences: which generator, which source and why
     * @param evidence the recorded fields the settings rest on
     */
    public record Settings(Long seed, Long subseed, Double subseedStrength, Integer width, Integer height,
                           int resizeWidth, int resizeHeight, NoiseSource source, NoiseRequest.Layout layout,
                           String why, List<EvidencePointer> evidence) {
    }

    private RecordNoise() {
    }

    public static Settings from(GenerationRecord r, Exhibit exhibit) {
        String generator = r.generator() == null ? "" : r.generator();
        String g = generator.toLowerCase(Locale.ROOT);
        if (g.contains("novelai")) {
            throw new IllegalArgumentException("NovelAI draws its noise on its own servers with an undisclosed "
                    + "generator; its noise cannot be reproduced");
        }
        List<EvidencePointer> evidence = new ArrayList<>();
        String carrier = r.source() == null ? "generation record" : r.source().describe();
        for (String key : List.of("Seed", "Size", "Variation seed", "Variation seed strength", "Seed resize from",
                "RNG", "seed", "width", "height")) {
            if (r.parameter(key) != null) {
                Long offset = r.fileOffsetOf(key);
                evidence.add(new EvidencePointer(exhibit.sha256(), carrier, key, offset, null, null, null, null));
            }
        }
        int[] resize = resizeFrom(r.parameter("Seed resize from"));
        NoiseRequest.Layout layout;
        NoiseSource source;
        String why;
        if (g.contains("comfy") || g.contains("swarm")) {
            layout = NoiseRequest.Layout.COMFYUI;
            source = NoiseSource.CPU;
            why = generator + " renders with ComfyUI, which always draws the initial noise with torch's CPU "
                    + "generator, one stream for the batch.";
        } else {
            layout = NoiseRequest.Layout.A1111;
            source = NoiseSource.fromInfotext(r.rngSource());
            boolean a1111Family = g.contains("automatic1111") || g.contains("forge") || g.contains("a1111")
                    || g.contains("sd.next") || "a1111-infotext".equals(r.format());
            String rngWhy = r.parameter("RNG") == null
                    ? "the infotext has no RNG key, which A1111 writes only when the source is not its default, GPU"
                    : "the infotext says RNG: " + r.parameter("RNG");
            why = (a1111Family ? "Read as " + (generator.isEmpty() ? "an A1111-style" : generator) + " record: "
                    : "Generator '" + generator + "' assumed to seed like A1111: ") + rngWhy + ".";
        }
        return new Settings(r.seed(), r.subseed(), r.subseedStrength(), r.width(), r.height(), resize[0], resize[1],
                source, layout, why, evidence);
    }

    /** A1111 writes "Seed resize from: WxH" (processing.py: seed_resize_from_w x seed_resize_from_h); -1x-1 is off. */
    static int[] resizeFrom(String value) {
        if (value == null) {
            return new int[]{0, 0};
        }
        String[] parts = value.trim().split("x");
        try {
            int w = Integer.parseInt(parts[0].trim());
            int h = Integer.parseInt(parts[1].trim());
            return w > 0 && h > 0 ? new int[]{w, h} : new int[]{0, 0};
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable 'Seed resize from' value '" + value + "'");
        }
    }
}
