package org.exhibit.sd.history;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GenerationDiffTest {

    private static final Generation BASE = new Generation("(masterpiece:1.2), 1girl, hanfu, soft light",
            "lowres, watermark", 2692150200L, params("Steps", "33", "CFG scale", "9", "Size", "512x768"),
            List.of(new Generation.Network("lora-hanfugirl-v1-5", "lora", 0.75, "6e8a1d2f3b4c")));

    @Test
    void identicalGenerationsDifferInNothing() {
        assertEquals(List.of(), GenerationDiff.between(BASE, BASE));
    }

    @Test
    void everyKindOfChangeIsNamedOnce() {
        Generation after = new Generation("(masterpiece:1.3), 1girl, red hanfu, smile", "lowres",
                2692150199L, params("Steps", "30", "Size", "512x768", "Clip skip", "2"),
                List.of(new Generation.Network("lora-hanfugirl-v1-5", "lora", 0.6, "6e8a1d2f3b4c"),
                        new Generation.Network("detail-tweaker", "lora", 1.0, null)));
        List<Change> c = GenerationDiff.between(BASE, after);
        assertEquals(List.of(
                new Change("seed", "Seed", "2692150200", "2692150199"),
                new Change("parameter", "Steps", "33", "30"),
                new Change("parameter-removed", "CFG scale", "9", null),
                new Change("parameter-added", "Clip skip", null, "2"),
                new Change("lora-weight", "lora-hanfugirl-v1-5", "0.75", "0.6"),
                new Change("lora-added", "detail-tweaker", null, "1"),
                new Change("words-reweighted", "Prompt", "(masterpiece:1.2)", "(masterpiece:1.3)"),
                new Change("words-added", "Prompt", null, "red"),
                new Change("words-removed", "Prompt", "soft light", null),
                new Change("words-added", "Prompt", null, "smile"),
                new Change("words-removed", "Negative prompt", "watermark", null)), c);
        assertEquals("Seed 2692150200 → 2692150199", c.get(0).describe());
        assertEquals("Prompt (masterpiece:1.2) → (masterpiece:1.3)", c.get(6).describe());
        assertEquals("Prompt + \"red\"", c.get(7).describe());
    }

    private static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
