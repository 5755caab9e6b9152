package org.exhibit.sd.replay;

import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Verdict;
import org.exhibit.sd.GenerationRecord;
import org.exhibit.sd.recipe.ComfyRecipe;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayTest {

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Exhibit CLAIMED = new Exhibit("claimed.png", "ab", 1, "image/png", "input");

    private static GenerationRecord liVLiu() {
        return GenerationRecord.builder().generator("AUTOMATIC1111 stable-diffusion-webui").format("a1111-infotext")
                .model("AsiaFacemix-pruned-fix").modelHash("6ea5e0b5f9").prompt("1girl, hanfu, red ribbon")
                .negativePrompt("lowres").seed(2692150200L).steps(33).sampler("DPM++ 2M Karras").cfgScale(9.0)
                .width(512).height(768).rngSource("GPU").build();
    }

    private static java.awt.image.BufferedImage image(byte[] png) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** Renders seed-dependent scenes, as a real generator would: same seed, same image. */
    private static byte[] bySeed(long seed, String prompt) {
        return FakeGenerators.png(seed * 31 + prompt.length());
    }

    @Test
    void a1111ReplayOfTheClaimedSettingsIsPixelIdenticalAndTheControlsChangeIt() throws Exception {
        GenerationRecord r = liVLiu();
        byte[] claimed = bySeed(r.seed(), r.prompt());
        try (FakeGenerators f = FakeGenerators.a1111(req -> bySeed(req.get("seed").asLong(), req.get("prompt").asText()),
                "AsiaFacemix-pruned-fix", 200)) {
            GeneratorServer s = GeneratorServer.connect(GeneratorServer.Api.A1111, f.uri(), Duration.ofSeconds(20), POLL);
            List<String> steps = new ArrayList<>();
            List<Finding> findings = Replay.run(CLAIMED, image(claimed), r, s,
                    List.of(Variations.Kind.SEED, Variations.Kind.PROMPT), (step, fr) -> steps.add(step));
            assertEquals(3, findings.size());
            Finding main = findings.get(0);
            assertEquals("sd.replay", main.rule());
            assertEquals(Verdict.STRONGLY_INDICATES, main.verdict());
            assertEquals(100.0, main.measurement("identical pixels"));
            assertEquals(0, main.measurement("PDQ distance"));
            assertEquals(1, main.figures().size());
            for (Finding control : findings.subList(1, 3)) {
                assertEquals("sd.replay-control", control.rule());
                assertTrue(control.statement().contains("changed"), control.statement());
                assertTrue(control.measurement("identical pixels") < 100);
            }
            assertEquals(2692150201L, f.requests.get(1).get("seed").asLong());
            assertEquals("1girl, hanfu", f.requests.get(2).get("prompt").asText());
            assertEquals("DPM++ 2M", f.requests.get(0).get("sampler_name").asText());
            assertTrue(f.progressPolls.get() > 0, "progress was polled while rendering");
            assertTrue(steps.contains("rendering"), steps.toString());
        }
    }

    @Test
    void a1111ThatRendersWithAnotherModelIsAMissingModelNotAReproduction() throws Exception {
        try (FakeGenerators f = FakeGenerators.a1111(req -> FakeGenerators.png(1), "v1-5-pruned-emaonly", 0)) {
            GeneratorServer s = GeneratorServer.connect(GeneratorServer.Api.A1111, f.uri(), Duration.ofSeconds(20), POLL);
            ReplayException e = assertThrows(ReplayException.class, () -> s.render(liVLiu(), ReplayProgress.NONE));
            assertTrue(e.getMessage().startsWith("model missing on the server"), e.getMessage());
            assertTrue(e.getMessage().contains("v1-5-pruned-emaonly"), e.getMessage());
        }
    }

    @Test
    void slowServerTimesOutAndClosedPortIsUnreachable() throws Exception {
        try (FakeGenerators f = FakeGenerators.a1111(req -> FakeGenerators.png(1), "AsiaFacemix-pruned-fix", 2000)) {
            GeneratorServer s = GeneratorServer.connect(GeneratorServer.Api.A1111, f.uri(), Duration.ofMillis(300), POLL);
            ReplayException e = assertThrows(ReplayException.class, () -> s.render(liVLiu(), ReplayProgress.NONE));
            assertTrue(e.getMessage().contains("did not finish within"), e.getMessage());
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        GeneratorServer s = GeneratorServer.connect(GeneratorServer.Api.A1111, URI.create("http://127.0.0.1:" + port),
                Duration.ofSeconds(5), POLL);
        ReplayException e = assertThrows(ReplayException.class, () -> s.render(liVLiu(), ReplayProgress.NONE));
        assertTrue(e.getMessage().startsWith("cannot reach the server"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GeneratorServer.connect(GeneratorServer.Api.A1111,
                URI.create("file:///etc/passwd"), Duration.ofSeconds(5)));
    }

    @Test
    void comfyReplayQueuesPollsAndFetchesTheImage() throws Exception {
        GenerationRecord r = liVLiu();
        byte[] claimed = FakeGenerators.png(2692150200L);
        try (FakeGenerators f = FakeGenerators.comfy(g -> FakeGenerators.png(g.at("/3/inputs/seed").asLong()),
                List.of("AsiaFacemix-pruned-fix.safetensors"))) {
            GeneratorServer s = GeneratorServer.connect(GeneratorServer.Api.COMFYUI, f.uri(), Duration.ofSeconds(20), POLL);
            List<Finding> findings = Replay.run(CLAIMED, image(claimed), r, s, List.of(Variations.Kind.SEED),
                    ReplayProgress.NONE);
            assertEquals(Verdict.STRONGLY_INDICATES, findings.get(0).verdict());
            assertTrue(findings.get(1).statement().contains("seed 2692150200 → 2692150201"));
            assertEquals("exhibit-replay", f.requests.get(0).path("client_id").asText().substring(0, 14));
        }
    }

    @Test
    void comfyReportsAMissingCheckpointFromItsValidationErrors() throws Exception {
        try (FakeGenerators f = FakeGenerators.comfy(g -> FakeGenerators.png(1), List.of("sdxl.safetensors"))) {
            GeneratorServer s = GeneratorServer.connect(GeneratorServer.Api.COMFYUI, f.uri(), Duration.ofSeconds(20), POLL);
            ReplayException e = assertThrows(ReplayException.class, () -> s.render(liVLiu(), ReplayProgress.NONE));
            assertTrue(e.getMessage().startsWith("model missing on the server: CheckpointLoaderSimple node 4"),
                    e.getMessage());
        }
    }

    @Test
    void aSlightlyDifferentReproductionIndicatesButIsNotPixelIdentical() throws Exception {
        GenerationRecord r = liVLiu();
        java.awt.image.BufferedImage claimed = image(FakeGenerators.png(7));
        java.awt.image.BufferedImage nudged = image(FakeGenerators.png(7));
        nudged.setRGB(3, 3, 0x123456);
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        ImageIO.write(nudged, "png", b);
        try (FakeGenerators f = FakeGenerators.a1111(req -> b.toByteArray(), "AsiaFacemix-pruned-fix", 0)) {
            GeneratorServer s = GeneratorServer.connect(GeneratorServer.Api.A1111, f.uri(), Duration.ofSeconds(20), POLL);
            Finding main = Replay.run(CLAIMED, claimed, r, s, List.of(), ReplayProgress.NONE).get(0);
            assertEquals(Verdict.INDICATES, main.verdict());
            assertTrue(main.measurement("identical pixels") > 99.9);
        }
    }

    @Test
    void variationsOfAComfyGraphChangeTheGraphItself() {
        GenerationRecord a = liVLiu();
        String graph = ComfyRecipe.graph(a).graph().toString();
        GenerationRecord comfy = a.toBuilder().generator("ComfyUI").format("comfyui-prompt").rawText(graph).build();
        Variations.Variant seed = Variations.of(comfy, Variations.Kind.SEED);
        assertTrue(seed.record().rawText().contains("\"seed\":2692150201"), seed.record().rawText());
        Variations.Variant prompt = Variations.of(comfy, Variations.Kind.PROMPT);
        assertTrue(prompt.record().rawText().contains("\"text\":\"1girl, hanfu\""), prompt.record().rawText());
        assertEquals("1girl, hanfu, <lora:x:1>", Variations.dropLastPart("1girl, hanfu, red, <lora:x:1>"));
    }
}
