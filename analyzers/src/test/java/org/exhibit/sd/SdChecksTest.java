package org.exhibit.sd;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.fixtures.SdContainers;
import org.exhibit.io.Inputs;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

class SdChecksTest {

    @TempDir
    Path dir;

    private List<Finding> findings(String name, byte[] bytes) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        Exhibit e = Inputs.open(f, "input", Limits.DEFAULT);
        return SdAnalyzer.show(e, f, Limits.DEFAULT);
    }

    private static List<Finding> rule(List<Finding> all, String rule) {
        return all.stream().filter(f -> f.rule().equals(rule)).toList();
    }

    private static BufferedImage image(int w, int h) {
        return new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    }

    @Test
    void hiresFactorExplainsTheLargerFileAndAMismatchIsCitedAtItsByte() throws Exception {
        String text = "a cat\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 32x24, Model: m, "
                + "Denoising strength: 0.5, Hires upscale: 2, Hires upscaler: Latent, Version: v1.10.1";
        assertEquals(List.of(), rule(findings("ok.png", SdContainers.png(image(64, 48),
                List.of(SdContainers.Chunk.text("parameters", text)))), "sd.size-mismatch"));
        List<Finding> bad = rule(findings("bad.png", SdContainers.png(image(60, 48),
                List.of(SdContainers.Chunk.text("parameters", text)))), "sd.size-mismatch");
        assertEquals(1, bad.size());
        Finding f = bad.get(0);
        assertEquals(64, f.measurement("stated width"));
        assertEquals(60, f.measurement("actual width"));
        long offset = f.evidence().get(0).offset();
        // tEXt data at 41: keyword "parameters" + NUL, then the text; the pointer lands on "Size: 32x24"
        assertEquals(41 + 11 + text.indexOf("Size: 32x24"), offset);
        assertEquals("Size", f.evidence().get(0).field());
        assertEquals(11, f.evidence().get(0).length());
    }

    @Test
    void missingAlwaysWrittenFieldAndVersionAnachronisms() throws Exception {
        String text = "a cat\nSteps: 20, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 7, Size: 8x8, "
                + "RNG: NV, Version: v1.5.2";
        List<Finding> all = findings("v.png", SdContainers.png(image(8, 8),
                List.of(SdContainers.Chunk.text("parameters", text))));
        assertEquals(1, rule(all, "sd.missing-field").size());
        assertTrue(rule(all, "sd.missing-field").get(0).statement().contains("Seed"));
        List<Finding> ana = rule(all, "sd.version-anachronism");
        assertEquals(List.of("Schedule type", "RNG"), ana.stream().map(f -> f.evidence().get(0).field()).toList());
        String newSampler = "a\nSteps: 20, Sampler: DPM++ 2M Karras, CFG scale: 7, Seed: 1, Size: 8x8, Version: v1.10.1";
        assertEquals(1, rule(findings("n.png", SdContainers.png(image(8, 8),
                List.of(SdContainers.Chunk.text("parameters", newSampler)))), "sd.version-anachronism").size());
    }

    @Test
    void pngOnlyGeneratorInAJpegIsAConvertedFile() throws Exception {
        String infotext = "p\nSteps: 4, Sampler: euler, Schedule type: normal, CFG scale: 2.0, Seed: 5, Size: 16x16, "
                + "Model: m.safetensors"; // as A1111 writes it into a JPEG's EXIF
        byte[] comment = SdContainers.unicodeUserComment(infotext, ByteOrder.BIG_ENDIAN);
        assertEquals(List.of(), rule(findings("a.jpg", SdContainers.jpeg(image(16, 16),
                SdContainers.exifUserComment(comment, ByteOrder.BIG_ENDIAN))), "sd.converted-file"));
        // ComfyUI graph text in a JPEG COM segment: only a converter puts it there
        byte[] jpeg = SdContainers.jpeg(image(16, 16), SdContainers.exifUserComment(new byte[8], ByteOrder.BIG_ENDIAN));
        byte[] com = ("{\"3\":{\"class_type\":\"KSampler\"}}").getBytes(StandardCharsets.UTF_8);
        byte[] withCom = SdContainers.concat(java.util.Arrays.copyOf(jpeg, 2), new byte[]{(byte) 0xFF, (byte) 0xFE,
                0, (byte) (com.length + 2)}, com, java.util.Arrays.copyOfRange(jpeg, 2, jpeg.length));
        List<Finding> conv = findings("c.jpg", withCom);
        assertTrue(rule(conv, "sd.no-record").size() == 1, conv.toString());
        String infotextInCom = "a\nSteps: 1, Sampler: Euler, CFG scale: 7, Seed: 1, Size: 16x16";
        byte[] t = infotextInCom.getBytes(StandardCharsets.UTF_8);
        byte[] jc = SdContainers.concat(java.util.Arrays.copyOf(jpeg, 2), new byte[]{(byte) 0xFF, (byte) 0xFE, 0,
                (byte) (t.length + 2)}, t, java.util.Arrays.copyOfRange(jpeg, 2, jpeg.length));
        assertEquals(1, rule(findings("d.jpg", jc), "sd.converted-file").size());
    }

    @Test
    void stealthCopyThatDisagreesWithTheTextIsReported() throws Exception {
        String stealth = new ObjectMapper().createObjectNode().put("Description", "p").put("Software", "NovelAI")
                .put("Source", "NovelAI Diffusion V4.5 4BDE2A90").put("Comment", novelAiComment(5)).toString();
        BufferedImage img = SdContainers.stealth(image(64, 64), stealth, true, true);
        byte[] png = SdContainers.png(img, List.of(SdContainers.Chunk.text("Software", "NovelAI"),
                SdContainers.Chunk.text("Comment", novelAiComment(6)))); // the text copy was edited: seed 6
        List<Finding> all = findings("nai.png", png);
        assertEquals(2, rule(all, "sd.generation-record").size());
        List<Finding> dis = rule(all, "sd.records-disagree");
        assertEquals(1, dis.size());
        assertTrue(dis.get(0).statement().contains("seed 6 vs 5"), dis.get(0).statement());
        assertEquals(64, rule(all, "sd.generation-record").get(1).evidence().get(0).region().height());
    }

    /** NovelAI's Comment JSON for a 64x64 image, as NovelAI writes it. */
    private static String novelAiComment(long seed) {
        return "{\"prompt\":\"p\",\"steps\":4,\"height\":64,\"width\":64,\"scale\":2.0,\"seed\":" + seed
                + ",\"n_samples\":1,\"noise_schedule\":\"native\",\"sampler\":\"k_euler\",\"uc\":\"n\"}";
    }
}
