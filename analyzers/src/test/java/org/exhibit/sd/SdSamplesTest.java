package org.exhibit.sd;

import org.exhibit.fixtures.SdContainers;
import org.exhibit.io.Limits;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real files written by real generators (../shared/samples/sd); values read by eye from the file bytes. */
class SdSamplesTest {

    static Path sample(String name) {
        Path dir = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "..", "shared", "samples", "sd");
        Path p = dir.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(p), "real sample " + p + " is absent; skipped");
        return p;
    }

    static GenerationRecord only(String name) throws Exception {
        List<GenerationRecord> rs = SdMetadata.read(sample(name), Limits.DEFAULT);
        assertEquals(1, rs.size(), name + ": " + rs);
        return rs.get(0);
    }

    @Test
    void a1111PngITxt() throws Exception {
        GenerationRecord r = only("png_sd-webui.png");
        assertEquals("AUTOMATIC1111 stable-diffusion-webui", r.generator());
        assertEquals("general, masterpiece, best quality, amazing quality,\n1girl, solo, hatsune miku, テスト\n",
                r.prompt());
        assertEquals("bad quality, worst quality, worst detail, sketch, censor,\n", r.negativePrompt());
        assertEquals(20, r.steps());
        assertEquals("DPM++ 2M", r.sampler());
        assertEquals("Karras", r.scheduler());
        assertEquals(7.0, r.cfgScale());
        assertEquals(3782896554L, r.seed());
        assertEquals(1024, r.width());
        assertEquals(1024, r.height());
        assertEquals("45a21ea00a", r.modelHash());
        assertEquals("waiIllustriousSDXL_v160", r.model());
        assertEquals("v1.10.1", r.version());
        assertEquals(new Source("PNG iTXt", "parameters", 41, 358, 41L + 15, "UTF-8"), r.source());
        assertTrue(r.rawText().endsWith("Version: v1.10.1"));
        // "Seed" is at the byte the record says: 41 + 15 + UTF-8 length of what precedes it
        long at = r.fileOffsetOf("Seed");
        byte[] file = Files.readAllBytes(sample("png_sd-webui.png"));
        assertEquals("Seed: 3782896554", new String(file, (int) at, 16, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void forgeNeoPngITxt() throws Exception {
        GenerationRecord r = only("png_forge-neo.png");
        assertEquals("Stable Diffusion WebUI Forge (Neo)", r.generator());
        assertEquals("general, masterpiece, best quality, amazing quality,\n1girl, solo, hatsune miku, テスト", r.prompt());
        assertEquals(24, r.steps());
        assertEquals("Euler a", r.sampler());
        assertEquals("Automatic", r.scheduler());
        assertEquals(6.0, r.cfgScale());
        assertEquals(4179307297L, r.seed());
        assertEquals(2, r.clipSkip());
        assertEquals("CPU", r.rngSource());
        assertEquals("neo", r.version());
        assertNull(r.hires());
    }

    @Test
    void a1111JpegBigEndianUserComment() throws Exception {
        GenerationRecord r = only("jpg_sd-webui.jpg");
        assertEquals("AUTOMATIC1111 stable-diffusion-webui", r.generator());
        assertEquals(3623174757L, r.seed());
        assertEquals(5.5, r.cfgScale());
        assertEquals("DPM++ 2M", r.sampler());
        // APP1 at 2, "Exif\0\0" at 6, TIFF at 12, UserComment value at TIFF offset 0x28
        assertEquals(new Source("JPEG APP1 EXIF UserComment", null, 52, 686, 60L, "UTF-16BE"), r.source());
        byte[] file = Files.readAllBytes(sample("jpg_sd-webui.jpg"));
        long at = r.fileOffsetOf("Seed");
        assertEquals("Seed", new String(file, (int) at, 8, java.nio.charset.StandardCharsets.UTF_16BE));
    }

    @Test
    void a1111WebpUserComment() throws Exception {
        GenerationRecord r = only("webp_sd-webui.webp");
        assertEquals(1028435836L, r.seed());
        assertEquals("WEBP EXIF UserComment", r.source().carrier());
        assertEquals(99148, r.source().offset());
    }

    @Test
    void swarmUiJpegLittleEndianJson() throws Exception {
        GenerationRecord r = only("jpg_swarmui.jpg");
        assertEquals("SwarmUI", r.generator());
        assertEquals(697543491L, r.seed());
        assertEquals("waiIllustriousSDXL_v160", r.model());
        assertEquals("0x22d8cb95b807b0c242576b676a12b07ae6b782b57ae4fe07a07254801b2d5d61", r.modelHash());
        assertEquals("general, masterpiece, best quality, amazing quality, \n1girl, solo, hatsune miku, #テスト", r.prompt());
        assertEquals("UTF-16LE", r.source().encoding());
        assertEquals("0.9.7.4", r.version());
    }

    @Test
    void swarmUiPngGivesItsRecordAndItsComfyGraph() throws Exception {
        List<GenerationRecord> rs = SdMetadata.read(sample("png_swarmui.png"), Limits.DEFAULT);
        assertEquals(2, rs.size());
        assertEquals("SwarmUI", rs.get(0).generator());
        assertEquals("ComfyUI", rs.get(1).generator());
        assertEquals(2083100758L, rs.get(0).seed());
        assertEquals(2083100758L, rs.get(1).seed());
        assertEquals("bad quality, worst quality, worst detail, sketch, censor,", rs.get(1).negativePrompt());
        assertEquals("10", rs.get(1).parameter("sampler node"));
        assertEquals("KSamplerAdvanced", rs.get(1).parameter("class_type"));
    }

    @Test
    void comfyUiGraphTraced() throws Exception {
        GenerationRecord r = only("png_comfyui.png");
        assertEquals("ComfyUI", r.generator());
        assertEquals(422847914351919L, r.seed());
        assertEquals(20, r.steps());
        assertEquals(5.0, r.cfgScale());
        assertEquals("euler_ancestral", r.sampler());
        assertEquals("karras", r.scheduler());
        assertEquals(1.0, r.denoise());
        assertEquals(2, r.clipSkip());
        assertEquals(1024, r.width());
        assertEquals("waiIllustriousSDXL_v160.safetensors", r.model());
        assertEquals("general, masterpiece, best quality, amazing quality, \n1girl, solo, hatsune miku, テスト, ", r.prompt());
        assertEquals("bad quality, worst quality, worst detail, sketch, censor, \n", r.negativePrompt());
        assertEquals(new Source("PNG tEXt", "prompt", 41, 1956, 48L, "ISO-8859-1"), r.source());
    }

    @Test
    void invokeAiMetadata() throws Exception {
        GenerationRecord r = only("png_invokeai.png");
        assertEquals("InvokeAI", r.generator());
        assertEquals(3951921344L, r.seed());
        assertEquals("cpu", r.rngSource());
        assertEquals(24, r.steps());
        assertEquals("euler_a", r.sampler());
        assertEquals("waiIllustriousSDXL_v160", r.model());
        assertEquals("blake3:7c1631b481e1566448f49db7e3b67a8a9d04742fa3c7d4548a0c81b619160c56", r.modelHash());
        assertEquals("6.10.0", r.version());
    }

    @Test
    void novelAiCommentAndStealthAlphaAgree() throws Exception {
        List<GenerationRecord> rs = SdMetadata.read(sample("png_novelai-full.png"), Limits.DEFAULT);
        assertEquals(2, rs.size());
        GenerationRecord text = rs.get(0);
        GenerationRecord stealth = rs.get(1);
        assertEquals("PNG tEXt Comment", text.source().describe());
        assertEquals("alpha LSB (stealth_pngcomp)", stealth.source().carrier());
        for (GenerationRecord r : rs) {
            assertEquals("NovelAI", r.generator());
            assertEquals(2043807047L, r.seed());
            assertEquals(28, r.steps());
            assertEquals(5.0, r.cfgScale());
            assertEquals("k_euler_ancestral", r.sampler());
            assertEquals("karras", r.scheduler());
            assertEquals(832, r.width());
            assertEquals(1216, r.height());
            assertEquals("NovelAI Diffusion V4.5", r.model());
            assertEquals("4BDE2A90", r.modelHash());
            assertEquals("1girl, solo, hatsune miku, #テスト, very aesthetic, masterpiece, no text", r.prompt());
            assertTrue(r.negativePrompt().startsWith("nsfw, lowres, artistic error"));
        }
        assertEquals(text.parameter("signed_hash"), stealth.parameter("signed_hash"));
    }

    @Test
    void chatGptC2paPngHasNoSdRecord() throws Exception {
        SdReading r = SdMetadata.scan(sample("c2pa_png_chatgpt-image2.png"), Limits.DEFAULT);
        assertEquals(List.of(), r.records());
        assertEquals(List.of(), r.anomalies());
    }

    @Test
    void comfyUiWorkflowAloneIsTracedToo() throws Exception {
        SdReading full = SdMetadata.scan(sample("png_comfyui.png"), Limits.DEFAULT);
        TextEntry workflow = full.texts().stream().filter(t -> t.keyword().equals("workflow")).findFirst().orElseThrow();
        Path only = Files.createTempFile("workflow-only", ".png");
        try {
            Files.write(only, SdContainers.png(new java.awt.image.BufferedImage(1024, 1024,
                    java.awt.image.BufferedImage.TYPE_INT_RGB), List.of(SdContainers.Chunk.text("workflow", workflow.text()))));
            GenerationRecord r = SdMetadata.read(only, Limits.DEFAULT).get(0);
            assertEquals("comfyui-workflow", r.format());
            assertEquals(422847914351919L, r.seed());
            assertEquals(20, r.steps());
            assertEquals(5.0, r.cfgScale());
            assertEquals("euler_ancestral", r.sampler());
            assertEquals("karras", r.scheduler());
            assertEquals(2, r.clipSkip());
            assertEquals(1024, r.height());
            assertEquals("waiIllustriousSDXL_v160.safetensors", r.model());
            // the editor's text still has the comment ComfyUI strips before running (the API prompt lacks it)
            assertEquals("general, masterpiece, best quality, amazing quality, \n1girl, solo, hatsune miku, テスト, "
                    + "/* コメント */", r.prompt());
        } finally {
            Files.delete(only);
        }
    }
}
