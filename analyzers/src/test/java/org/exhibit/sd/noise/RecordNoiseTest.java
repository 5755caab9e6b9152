package org.exhibit.sd.noise;

import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.exhibit.fixtures.SdInfotext;
import org.exhibit.io.Inputs;
import org.exhibit.io.Limits;
import org.exhibit.sd.GenerationRecord;
import org.exhibit.sd.SdMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordNoiseTest {

    @TempDir
    Path dir;

    private Path png(String infotext) throws Exception {
        Path p = dir.resolve("image.png");
        Files.write(p, PngBuilder.rgb(Pictures.scene(64, 96, 1)).text("parameters", infotext).build());
        return p;
    }

    private RecordNoise.Settings settings(String infotext) throws Exception {
        Path p = png(infotext);
        Exhibit e = Inputs.open(p, "input", Limits.DEFAULT);
        GenerationRecord r = SdMetadata.read(p, Limits.DEFAULT).get(0);
        return RecordNoise.from(r, e);
    }

    @Test
    void liVLiuRecordImpliesA1111sDefaultGpuSourceAndPointsAtTheSeed() throws Exception {
        RecordNoise.Settings s = settings(SdInfotext.liVLiu().text());
        assertEquals(2692150200L, s.seed());
        assertEquals(512, s.width());
        assertEquals(768, s.height());
        assertEquals(NoiseSource.GPU, s.source());
        assertEquals(NoiseRequest.Layout.A1111, s.layout());
        assertTrue(s.why().contains("no RNG key"), s.why());
        assertTrue(s.evidence().stream().anyMatch(p -> "Seed".equals(p.field()) && p.offset() != null));
    }

    @Test
    void rngCpuVariationAndSeedResizeAreRead() throws Exception {
        RecordNoise.Settings s = settings(SdInfotext.liVLiu().param("Variation seed", 2692150199L)
                .param("Variation seed strength", 0.25).param("Seed resize from", "640x512").param("RNG", "CPU").text());
        assertEquals(NoiseSource.CPU, s.source());
        assertEquals(2692150199L, s.subseed());
        assertEquals(0.25, s.subseedStrength());
        assertEquals(640, s.resizeWidth());
        assertEquals(512, s.resizeHeight());
        assertTrue(s.why().contains("RNG: CPU"), s.why());
    }

    @Test
    void theDrawnLatentOfACpuRecordIsTorchs() throws Exception {
        RecordNoise.Settings s = settings(SdInfotext.liVLiu().param("RNG", "CPU").text());
        NoiseRequest r = new NoiseRequest(s.layout(), s.source(), TorchCpuRandom.Kernel.X86_AVX2, s.seed(), 0, 0,
                s.width(), s.height(), s.resizeWidth(), s.resizeHeight(), 4, 1);
        SeedNoise.Result result = SeedNoise.draw(r, s.why(), s.evidence());
        Finding f = result.finding();
        assertEquals("sd.seed-noise", f.rule());
        assertEquals(TorchReference.AVX2_LATENT_SHA256, f.data().get("sha256"));
        assertEquals(4 * 96 * 64, f.measurement("values"));
        assertEquals(0, f.measurement("mean"), 0.05);
        assertEquals(1, f.measurement("standard deviation"), 0.05);
        assertTrue(f.statement().contains("torch CPU generator"), f.statement());
        assertNotNull(f.method().reference());
    }

    @Test
    void novelAiNoiseIsRefusedWithAReason() {
        GenerationRecord r = GenerationRecord.builder().generator("NovelAI").seed(1L).width(512).height(512).build();
        Exhibit e = new Exhibit("x.png", "00", 1, "image/png", "input");
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> RecordNoise.from(r, e));
        assertTrue(ex.getMessage().contains("cannot be reproduced"));
    }

    @Test
    void comfyuiRecordsDrawOnTheCpuAsOneStream() {
        GenerationRecord r = GenerationRecord.builder().generator("ComfyUI").seed(5L).width(64).height(64).build();
        RecordNoise.Settings s = RecordNoise.from(r, new Exhibit("x.png", "00", 1, "image/png", "input"));
        assertEquals(NoiseSource.CPU, s.source());
        assertEquals(NoiseRequest.Layout.COMFYUI, s.layout());
        assertEquals(List.of(), s.evidence());
    }
}
