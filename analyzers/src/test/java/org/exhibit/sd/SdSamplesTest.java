package org.exhibit.sd;

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
}
