package org.exhibit.sd;

import org.exhibit.fixtures.SdContainers;
import org.exhibit.io.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-written metadata in each generator's own layout (text taken from their writers), every field asserted. */
class FormatsTest {

    @TempDir
    Path dir;

    private SdReading png(List<SdContainers.Chunk> chunks) throws Exception {
        Path f = dir.resolve("f.png");
        Files.write(f, SdContainers.png(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), chunks));
        return SdMetadata.scan(f, Limits.DEFAULT);
    }

    private static SdContainers.Chunk text(String k, String v) {
        return SdContainers.Chunk.text(k, v);
    }

    @Test
    void invokeAiDreamCommandLine() throws Exception {
        GenerationRecord r = png(List.of(text("Dream",
                "\"a fantasy castle [blurry, lowres]\" -s 50 -S 3357757885 -W 512 -H 768 -C 7.5 -A k_lms"))).records().get(0);
        assertEquals("invokeai-dream", r.format());
        assertEquals("a fantasy castle", r.prompt());
        assertEquals("blurry, lowres", r.negativePrompt());
        assertEquals(50, r.steps());
        assertEquals(3357757885L, r.seed());
        assertEquals(512, r.width());
        assertEquals(768, r.height());
        assertEquals(7.5, r.cfgScale());
        assertEquals("k_lms", r.sampler());
    }

    @Test
    void invokeAiV2SdMetadata() throws Exception {
        String json = "{\"model\": \"stable diffusion\", \"model_weights\": \"stable-diffusion-1.5\", \"model_hash\": "
                + "\"cc6cb27103417325ff94f52b7a5d2dde45a7515b25c255d8e396c90014281516\", \"app_id\": "
                + "\"invoke-ai/InvokeAI\", \"app_version\": \"2.2.5\", \"image\": {\"prompt\": [{\"prompt\": "
                + "\"a cat [dog]\", \"weight\": 1.0}], \"steps\": 30, \"cfg_scale\": 7.5, \"threshold\": 0, "
                + "\"perlin\": 0, \"height\": 512, \"width\": 512, \"seed\": 42, \"seamless\": false, "
                + "\"hires_fix\": false, \"type\": \"txt2img\", \"postprocessing\": null, \"sampler\": \"k_euler_a\", "
                + "\"variations\": []}}";
        GenerationRecord r = png(List.of(text("sd-metadata", json), text("Dream", "\"a cat [dog]\" -s 30 -S 42")))
                .records().get(0);
        assertEquals("invokeai-sd-metadata", r.format());
        assertEquals("a cat", r.prompt());
        assertEquals("dog", r.negativePrompt());
        assertEquals(42L, r.seed());
        assertEquals(30, r.steps());
        assertEquals("k_euler_a", r.sampler());
        assertEquals("stable-diffusion-1.5", r.model());
        assertEquals("2.2.5", r.version());
        assertEquals("txt2img", r.parameter("image.type"));
    }

    @Test
    void easyDiffusionOneChunkPerKey() throws Exception {
        SdReading s = png(List.of(text("prompt", "a photograph of an astronaut"), text("seed", "30000"),
                text("use_stable_diffusion_model", "sd-v1-4"), text("width", "512"), text("height", "512"),
                text("num_inference_steps", "25"), text("guidance_scale", "7.5"), text("sampler_name", "euler_a"),
                text("negative_prompt", "blurry")));
        assertEquals(1, s.records().size(), s.records().toString());
        GenerationRecord r = s.records().get(0);
        assertEquals("Easy Diffusion", r.generator());
        assertEquals("a photograph of an astronaut", r.prompt());
        assertEquals("blurry", r.negativePrompt());
        assertEquals(30000L, r.seed());
        assertEquals(25, r.steps());
        assertEquals(7.5, r.cfgScale());
        assertEquals("sd-v1-4", r.model());
        assertEquals(List.of(), s.anomalies()); // its plain-text "prompt" chunk is not taken for a ComfyUI graph
    }

    @Test
    void fooocusSchemeWithLoras() throws Exception {
        String json = "{\"adm_guidance\": \"(1.5, 0.8, 0.3)\", \"base_model\": \"juggernautXL_v8Rundiffusion\", "
                + "\"base_model_hash\": \"aeb7e9e689\", \"full_negative_prompt\": [\"unrealistic\"], "
                + "\"full_prompt\": [\"a cat\", \"cinematic\"], \"guidance_scale\": 4, \"loras\": "
                + "[[\"sd_xl_offset_example-lora_1.0\", 0.1, \"4852686128\"]], \"negative_prompt\": \"\", "
                + "\"performance\": \"Speed\", \"prompt\": \"a cat\", \"resolution\": \"(1152, 896)\", "
                + "\"sampler\": \"dpmpp_2m_sde_gpu\", \"scheduler\": \"karras\", \"seed\": \"1234567\", "
                + "\"sharpness\": 2, \"steps\": 30, \"styles\": \"['Fooocus V2']\", \"vae\": \"Default (model)\", "
                + "\"version\": \"Fooocus v2.5.5\"}";
        GenerationRecord r = png(List.of(text("parameters", json), text("fooocus_scheme", "fooocus"))).records().get(0);
        assertEquals("Fooocus", r.generator());
        assertEquals(1234567L, r.seed());
        assertEquals(1152, r.width());
        assertEquals(896, r.height());
        assertEquals(4.0, r.cfgScale());
        assertEquals("juggernautXL_v8Rundiffusion", r.model());
        assertEquals("aeb7e9e689", r.modelHash());
        assertEquals(List.of(new Lora("sd_xl_offset_example-lora_1.0", 0.1, null, "4852686128", "lora", "fooocus loras")),
                r.loras());
        assertEquals("Speed", r.parameter("performance"));
    }

    @Test
    void drawThingsXmpInITxt() throws Exception {
        String xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" "
                + "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"><xmp:CreatorTool>Draw Things</xmp:CreatorTool>"
                + "<exif:UserComment><rdf:Alt><rdf:li xml:lang=\"x-default\">{&quot;c&quot;:&quot;a cat &amp; a dog"
                + "&quot;,&quot;uc&quot;:&quot;&quot;,&quot;seed&quot;:1697330,&quot;steps&quot;:20,&quot;scale&quot;:"
                + "4.5,&quot;sampler&quot;:&quot;DPM++ 2M Karras&quot;,&quot;model&quot;:&quot;sd_xl_base_1.0_f16.ckpt"
                + "&quot;,&quot;size&quot;:&quot;1024x768&quot;,&quot;strength&quot;:1}</rdf:li></rdf:Alt>"
                + "</exif:UserComment></rdf:Description></rdf:RDF></x:xmpmeta>";
        GenerationRecord r = png(List.of(SdContainers.Chunk.itxt("XML:com.adobe.xmp", xmp, false))).records().get(0);
        assertEquals("Draw Things", r.generator());
        assertEquals("a cat & a dog", r.prompt());
        assertEquals(1697330L, r.seed());
        assertEquals(1024, r.width());
        assertEquals(768, r.height());
        assertEquals("sd_xl_base_1.0_f16.ckpt", r.model());
    }

    @Test
    void asciiUserCommentAndStealthRgb() throws Exception {
        String info = "a cat\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 9, Size: 8x8";
        byte[] ascii = SdContainers.concat("ASCII\0\0\0".getBytes(StandardCharsets.US_ASCII),
                info.getBytes(StandardCharsets.US_ASCII));
        Path j = dir.resolve("a.jpg");
        Files.write(j, SdContainers.jpeg(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB),
                SdContainers.exifUserComment(ascii, ByteOrder.LITTLE_ENDIAN)));
        GenerationRecord a = SdMetadata.read(j, Limits.DEFAULT).get(0);
        assertEquals(9L, a.seed());
        assertEquals("UTF-8", a.source().encoding());
        Path p = dir.resolve("s.png");
        Files.write(p, SdContainers.png(SdContainers.stealth(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB),
                info, false, false), List.of()));
        GenerationRecord s = SdMetadata.read(p, Limits.DEFAULT).get(0);
        assertEquals("RGB LSB (stealth_rgbinfo)", s.source().carrier());
        assertEquals(9L, s.seed());
        assertNull(s.source().textOffset());
    }

    @Test
    void exifOffsetsOutsideTheBlockAreFindings() throws Exception {
        byte[] tiff = SdContainers.exifUserComment("UNICODE\0".getBytes(StandardCharsets.US_ASCII), ByteOrder.BIG_ENDIAN);
        tiff[26 + 2 + 4] = 0x7F; // UserComment count: 2 GB
        Path j = dir.resolve("bad.jpg");
        Files.write(j, SdContainers.jpeg(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), tiff));
        SdReading r = SdMetadata.scan(j, Limits.DEFAULT);
        assertEquals(List.of(), r.records());
        assertTrue(r.anomalies().stream().anyMatch(x -> x.rule().equals("sd.exif-malformed")), r.anomalies().toString());
    }
}
