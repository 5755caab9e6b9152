package org.exhibit.sd.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.exhibit.fixtures.SdInfotext;
import org.exhibit.io.Limits;
import org.exhibit.sd.GenerationRecord;
import org.exhibit.sd.SdMetadata;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecipeRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLES = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."))
            .resolve("../shared/samples/sd");

    @TempDir
    Path dir;

    private GenerationRecord readPng(String keyword, String text) throws Exception {
        Path p = dir.resolve(keyword + System.nanoTime() + ".png");
        Files.write(p, PngBuilder.rgb(Pictures.scene(64, 96, 1)).internationalText(keyword, text, false).build());
        List<GenerationRecord> records = SdMetadata.read(p, Limits.DEFAULT);
        assertEquals(1, records.size(), "one record in " + text);
        return records.get(0);
    }

    /** Li v. Liu, with a variation seed, hires fix, clip skip and the CPU source. */
    private GenerationRecord liVLiu() throws Exception {
        return readPng("parameters", SdInfotext.liVLiu().param("Variation seed", 2692150199L)
                .param("Variation seed strength", 0.25).param("Clip skip", 2).param("RNG", "CPU")
                .param("Denoising strength", 0.45).param("Hires upscale", 1.5).param("Hires steps", 12)
                .param("Hires upscaler", "R-ESRGAN 4x+").text());
    }

    private static void assertSame(GenerationRecord expected, GenerationRecord actual) {
        List<String> d = RecipeFields.of(expected).differences(RecipeFields.of(actual));
        assertTrue(d.isEmpty(), "differences: " + d);
    }

    @Test
    void a1111PayloadCarriesEverySettingAndReadsBackToTheSameRecord() throws Exception {
        GenerationRecord r = liVLiu();
        Recipes.Recipe recipe = Recipes.write(r, Recipes.Target.A1111);
        JsonNode p = JSON.readTree(recipe.text());
        assertEquals("AsiaFacemix-pruned-fix", p.at("/override_settings/sd_model_checkpoint").asText());
        assertEquals("CPU", p.at("/override_settings/randn_source").asText());
        assertEquals(2, p.at("/override_settings/CLIP_stop_at_last_layers").asInt());
        assertEquals("DPM++ 2M", p.get("sampler_name").asText());
        assertEquals("Karras", p.get("scheduler").asText());
        assertEquals(2692150200L, p.get("seed").asLong());
        assertEquals(2692150199L, p.get("subseed").asLong());
        assertEquals(0.25, p.get("subseed_strength").asDouble());
        assertTrue(p.get("prompt").asText().contains("<lora:lora-hanfugirl-v1-5:0.75>"));
        assertTrue(p.get("enable_hr").asBoolean());
        assertEquals(1.5, p.get("hr_scale").asDouble());
        assertEquals(0.45, p.get("denoising_strength").asDouble());
        assertEquals(List.of(), recipe.differences());
        assertSame(r, Recipes.read(recipe.text(), Recipes.Target.A1111));
    }

    @Test
    void diffusersScriptReadsBackToTheSameRecord() throws Exception {
        GenerationRecord r = liVLiu();
        Recipes.Recipe recipe = Recipes.write(r, Recipes.Target.DIFFUSERS);
        assertTrue(recipe.text().contains("from_single_file"));
        assertTrue(recipe.text().contains("\"checkpoint\" : \"AsiaFacemix-pruned-fix.safetensors\""), recipe.text());
        assertEquals(List.of(), recipe.differences());
        assertSame(r, Recipes.read(recipe.text(), Recipes.Target.DIFFUSERS));
    }

    @Test
    void comfyGraphOfAnA1111RecordIsReadBackByTheSdReaderAsTheSameRecord() throws Exception {
        // no variation or hires (ComfyUI's built-in nodes have neither); CPU noise as ComfyUI draws it
        GenerationRecord r = readPng("parameters", SdInfotext.liVLiu().param("Clip skip", 2).param("RNG", "CPU").text());
        Recipes.Recipe recipe = Recipes.write(r, Recipes.Target.COMFYUI);
        JsonNode g = JSON.readTree(recipe.text());
        assertEquals("AsiaFacemix-pruned-fix.safetensors", g.at("/4/inputs/ckpt_name").asText());
        assertEquals("dpmpp_2m", g.at("/3/inputs/sampler_name").asText());
        assertEquals("karras", g.at("/3/inputs/scheduler").asText());
        assertEquals(0.75, g.at("/10/inputs/strength_model").asDouble());
        assertEquals(-2, g.at("/20/inputs/stop_at_clip_layer").asInt());
        GenerationRecord back = readPng("prompt", recipe.text());
        assertEquals("ComfyUI", back.generator());
        assertSame(r, back);
    }

    @Test
    void comfyRecordsKeepTheirOwnGraphAndConvertToA1111AndDiffusers() throws Exception {
        GenerationRecord a1111 = readPng("parameters", SdInfotext.liVLiu().param("RNG", "CPU").text());
        GenerationRecord comfy = readPng("prompt", Recipes.write(a1111, Recipes.Target.COMFYUI).text());
        Recipes.Recipe same = Recipes.write(comfy, Recipes.Target.COMFYUI);
        assertEquals(JSON.readTree(comfy.rawText()), JSON.readTree(same.text()), "the recorded graph, unchanged");
        assertSame(comfy, readPng("prompt", same.text()));
        for (Recipes.Target t : List.of(Recipes.Target.A1111, Recipes.Target.DIFFUSERS)) {
            Recipes.Recipe recipe = Recipes.write(comfy, t);
            assertEquals(List.of(), recipe.differences(), t.name());
            assertSame(comfy, Recipes.read(recipe.text(), t));
        }
        assertTrue(Recipes.write(comfy, Recipes.Target.A1111).text().contains("<lora:lora-hanfugirl-v1-5:0.75>"));
    }

    @Test
    void novelAiRecordConvertsWithItsSamplerRenamed() {
        GenerationRecord nai = GenerationRecord.builder().generator("NovelAI").format("novelai")
                .model("NovelAI Diffusion V4.5").prompt("1girl, hanfu").negativePrompt("lowres").seed(2043807047L)
                .steps(28).sampler("k_euler_ancestral").scheduler("karras").cfgScale(5.0).width(832).height(1216)
                .build();
        Recipes.Recipe a = Recipes.write(nai, Recipes.Target.A1111);
        assertTrue(a.text().contains("\"sampler_name\" : \"Euler a\""), a.text());
        for (Recipes.Target t : List.of(Recipes.Target.A1111, Recipes.Target.DIFFUSERS)) {
            assertSame(nai, Recipes.read(Recipes.write(nai, t).text(), t));
        }
    }

    @Test
    void realSamplesRoundTripThroughEveryTarget() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(SAMPLES), "no ../shared/samples/sd beside the clone");
        int checked = 0;
        for (String name : List.of("png_sd-webui.png", "png_forge-neo.png", "png_comfyui.png", "png_novelai-full.png",
                "jpg_sd-webui.jpg")) {
            Path f = SAMPLES.resolve(name);
            if (!Files.exists(f)) {
                continue;
            }
            GenerationRecord r = SdMetadata.read(f, Limits.DEFAULT).get(0);
            for (Recipes.Target t : List.of(Recipes.Target.A1111, Recipes.Target.DIFFUSERS)) {
                assertSame(r, Recipes.read(Recipes.write(r, t).text(), t));
            }
            Recipes.Recipe comfy = Recipes.write(r, Recipes.Target.COMFYUI);
            List<String> d = RecipeFields.of(r).differences(RecipeFields.of(readPng("prompt", comfy.text())));
            // ComfyUI draws CPU noise; A1111's "Automatic" schedule becomes ComfyUI's normal (both said in the notes)
            d.removeIf(s -> s.startsWith("noise source:") || s.equals("scheduler: Automatic vs Normal"));
            assertTrue(d.isEmpty(), name + ": " + d);
            checked++;
        }
        assertFalse(checked == 0, "no sample read");
    }
}
