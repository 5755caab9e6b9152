package org.exhibit.sd;

import org.exhibit.fixtures.SdInfotext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class InfotextTest {

    private static GenerationRecord record(String text) {
        return InfotextRecord.from(text, new Source("test", "parameters", 0, text.length(), 0L, "ISO-8859-1"));
    }

    @Test
    void quotedValuesKeepTheirCommasAndColons() {
        String text = "a cat\nNegative prompt: dog\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, "
                + "Lora hashes: \"add_detail: 7c6bad76eb54, hanfu: 2ad1b4d0a7bb\", "
                + "Hires upscale: 1.5, Template: \"x, y: \\\"z\\\"\", Version: v1.10.1";
        Infotext.Parsed p = Infotext.parse(text);
        assertEquals("a cat", p.prompt());
        assertEquals("dog", p.negativePrompt());
        assertEquals(List.of("Steps", "Sampler", "CFG scale", "Seed", "Lora hashes", "Hires upscale", "Template",
                "Version"), p.params().stream().map(Param::key).toList());
        assertEquals("add_detail: 7c6bad76eb54, hanfu: 2ad1b4d0a7bb", p.params().get(4).value());
        assertEquals("x, y: \"z\"", p.params().get(6).value());
        // offsets point at the key in the text
        Param lh = p.params().get(4);
        assertEquals("Lora hashes: \"add_detail", text.substring(lh.textOffset(), lh.textOffset() + 24));
    }

    @Test
    void lastLineWithFewerThanThreePairsIsPromptText() {
        Infotext.Parsed p = Infotext.parse("a cat\nstyle: oil, Seed: 3");
        assertEquals("a cat\nstyle: oil, Seed: 3", p.prompt());
        assertEquals(List.of(), p.params());
        assertEquals("", p.negativePrompt());
    }

    @Test
    void multiLineNegativePromptAndStrippedLines() {
        Infotext.Parsed p = Infotext.parse("  one  \n two\nNegative prompt:  bad\n worse \nSteps: 1, Seed: 2, Size: 8x8\n");
        assertEquals("one\ntwo", p.prompt());
        assertEquals("bad\nworse", p.negativePrompt());
    }

    @Test
    void liVLiuRecordMapsEveryField() {
        GenerationRecord r = record(SdInfotext.liVLiu().text());
        assertEquals("AUTOMATIC1111 stable-diffusion-webui", r.generator());
        assertEquals("AsiaFacemix-pruned-fix", r.model());
        assertEquals("6ea5e0b5f9", r.modelHash());
        assertEquals(2692150200L, r.seed());
        assertEquals(33, r.steps());
        assertEquals(9.0, r.cfgScale());
        assertEquals(512, r.width());
        assertEquals(768, r.height());
        assertEquals("DPM++ 2M Karras", r.sampler());
        assertEquals(1, r.clipSkip());
        assertEquals("GPU", r.rngSource());
        assertEquals(List.of(new Lora("lora-hanfugirl-v1-5", 0.75, 0.75, "2ad1b4d0a7bb", "lora", "prompt tag")),
                r.loras());
        assertEquals("(worst quality:1.4), (low quality:1.4), easynegative", r.negativePrompt());
        assertEquals(List.of(), r.otherParameters());
        assertNull(r.hires());
    }

    @Test
    void hiresFixUnknownKeysAndVariationSeed() {
        String text = SdInfotext.prompt("x <lora:a:0.6:0.9> <lyco:b:1>").param("Steps", 20).param("Seed", 5)
                .param("Size", "512x512").param("Variation seed", 77).param("Variation seed strength", 0.3)
                .param("Denoising strength", 0.45).param("Hires upscale", 2).param("Hires steps", 10)
                .param("Hires upscaler", "R-ESRGAN 4x+").param("ADetailer model", "face_yolov8n.pt")
                .param("ControlNet 0", "Module: canny, Model: control_v11p_sd15_canny, Weight: 1")
                .param("Clip skip", 2).param("RNG", "CPU").text();
        GenerationRecord r = record(text);
        assertEquals(77L, r.subseed());
        assertEquals(0.3, r.subseedStrength());
        assertEquals(new HiresFix(2.0, null, null, "R-ESRGAN 4x+", 10, 0.45), r.hires());
        assertEquals(2, r.clipSkip());
        assertEquals("CPU", r.rngSource());
        assertEquals(List.of("ADetailer model", "ControlNet 0"), r.otherParameters().stream().map(Param::key).toList());
        assertEquals("Module: canny, Model: control_v11p_sd15_canny, Weight: 1", r.parameter("ControlNet 0"));
        assertEquals(new Lora("a", 0.9, 0.6, null, "lora", "prompt tag"), r.loras().get(0));
        assertEquals(new Lora("b", 1.0, 1.0, null, "lyco", "prompt tag"), r.loras().get(1));
        assertEquals("A1111-style infotext (generator not named)", r.generator());
    }

    @Test
    void quoteMatchesTheWebui() {
        assertEquals("plain", Infotext.quote("plain"));
        assertEquals("\"a, b\"", Infotext.quote("a, b"));
        assertEquals("\"テスト: \\\"q\\\"\\n\"", Infotext.quote("テスト: \"q\"\n"));
    }
}
