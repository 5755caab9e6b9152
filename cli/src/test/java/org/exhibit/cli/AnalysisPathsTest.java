package org.exhibit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.exhibit.analysis.Analyses;
import org.exhibit.analysis.Analysis;
import org.exhibit.analysis.Progress;
import org.exhibit.bundle.BundleBuilder;
import org.exhibit.bundle.BundleRunner;
import org.exhibit.fixtures.Audio;
import org.exhibit.fixtures.DemoFiles;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.exhibit.fixtures.SpeechSynth;
import org.exhibit.io.Limits;
import org.exhibit.report.JsonReportWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one contract: every registered analysis, run once by its CLI command and once as a bundle step on the same
 * files, gives the same findings (paths aside: the CLI shows the user's paths, a bundle its own).
 */
class AnalysisPathsTest {

    /** How to run one analysis both ways: the CLI words, and the manifest's exhibits and step. */
    record Case(List<String> cli, String exhibits, String step) {
    }

    @TempDir
    static Path dir;

    static HttpServer generator;

    static Path files;

    @BeforeAll
    static void inputs() throws Exception {
        files = Files.createDirectories(dir.resolve("files"));
        byte[] pixels = PngBuilder.rgb(Pictures.scene(64, 96, 5)).build();
        Files.write(files.resolve("original.png"), PngBuilder.rgb(Pictures.scene(64, 96, 5))
                .text("parameters", DemoFiles.LI_V_LIU_INFOTEXT).build());
        Files.write(files.resolve("accused.png"), PngBuilder.rgb(Pictures.scene(64, 96, 6)).build());
        Files.createDirectories(files.resolve("steps"));
        Files.write(files.resolve("steps/00001-1.png"), PngBuilder.rgb(Pictures.scene(32, 32, 1))
                .text("parameters", DemoFiles.LI_V_LIU_INFOTEXT).build());
        Files.write(files.resolve("steps/00002-2.png"), PngBuilder.rgb(Pictures.scene(32, 32, 2)).build());
        Files.createDirectories(files.resolve("others"));
        Files.createDirectories(files.resolve("models"));
        Files.write(files.resolve("models/AsiaFacemix-pruned-fix.safetensors"),
                org.exhibit.fixtures.Safetensors.f32(Map.of(), 1, 100).bytes());
        clip("ref.wav", 1, 1);
        clip("sus.wav", 1, 2);
        clip("others/a.wav", 2, 3);
        clip("others/b.wav", 1, 4);
        generator = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        generator.createContext("/sdapi/v1/txt2img", ex -> {
            String info = "{\"sd_model_name\":\"AsiaFacemix-pruned-fix\",\"sd_model_hash\":\"6ea5e0b5f9\"}";
            byte[] body = ("{\"images\":[\"" + Base64.getEncoder().encodeToString(pixels) + "\"],\"info\":"
                    + new ObjectMapper().writeValueAsString(info) + "}").getBytes(StandardCharsets.UTF_8);
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        generator.start();
    }

    @AfterAll
    static void stop() {
        generator.stop(0);
    }

    private static void clip(String name, int speaker, long sentence) throws Exception {
        SpeechSynth.Speaker s = SpeechSynth.speaker(1, 400_000 + speaker);
        Files.write(files.resolve(name), Audio.wav(Audio.pcm16(SpeechSynth.utterance(s, sentence, 4,
                SpeechSynth.Conditions.CLEAN)), 16000));
    }

    private static String f(String name) {
        return files.resolve(name).toString();
    }

    private static Map<String, Case> cases() {
        String server = "http://127.0.0.1:" + generator.getAddress().getPort();
        String images = "  - {file: original.png, role: original}\n  - {file: accused.png, role: accused}\n";
        String voices = "  - {file: ref.wav, role: reference-voice}\n  - {file: sus.wav, role: suspect-voice}\n";
        Map<String, Case> m = new LinkedHashMap<>();
        m.put("metadata", new Case(List.of("inspect", f("original.png")),
                "  - {file: original.png, role: original}\n", "{analysis: metadata}"));
        m.put("sd-metadata", new Case(List.of("sd", "show", f("original.png")),
                "  - {file: original.png, role: original}\n", "{analysis: sd-metadata}"));
        m.put("sd-history", new Case(List.of("sd", "history", f("steps")),
                "  - {file: steps/, role: generation-folder}\n", "{analysis: sd-history}"));
        m.put("reproduction-recipe", new Case(List.of("sd", "recipe", f("original.png"), "--target", "comfyui"),
                "  - {file: original.png, role: original}\n",
                "{analysis: reproduction-recipe, params: {target: comfyui, record: 1}}"));
        m.put("similarity", new Case(List.of("compare", f("original.png"), f("accused.png")), images,
                "{analysis: similarity}"));
        m.put("watermark", new Case(List.of("watermark", f("original.png"), f("accused.png"), "--region", "8,8,40,12"),
                images, "{analysis: watermark, params: {region: \"8,8,40,12\"}}"));
        m.put("labels", new Case(List.of("label", "--no-ocr", "--original", f("original.png"), f("accused.png")),
                "  - {file: original.png, role: labelled}\n  - {file: accused.png, role: unlabelled}\n",
                "{analysis: labels, params: {ocr: false}}"));
        m.put("voice", new Case(List.of("voice", f("ref.wav"), "--suspect", f("sus.wav")), voices,
                "{analysis: voice}"));
        m.put("voice-scan", new Case(List.of("voice", "scan", f("ref.wav"), "--corpus", f("others"), "--quiet"),
                "  - {file: ref.wav, role: reference-voice}\n  - {file: others/, role: other-voice}\n",
                "{analysis: voice-scan}"));
        m.put("replay", new Case(List.of("sd", "replay", f("original.png"), "--server", server),
                "  - {file: original.png, role: original}\n",
                "{analysis: replay, params: {server: \"" + server + "\"}}"));
        m.put("model-verification", new Case(List.of("sd", "verify-model", f("original.png"), "--models", f("models")),
                "  - {file: original.png, role: original}\n  - {file: models/, role: model}\n",
                "{analysis: model-verification}"));
        return m;
    }

    @Test
    void everyRegisteredAnalysisGivesTheSameFindingsFromTheCliAndFromABundle() throws Exception {
        Map<String, Case> cases = cases();
        List<String> registered = Analyses.all().stream().map(Analysis::name).toList();
        assertEquals(registered, new ArrayList<>(cases.keySet()), "every registered analysis has a case here");
        ObjectMapper json = new ObjectMapper();
        for (Map.Entry<String, Case> c : cases.entrySet()) {
            List<String> args = new ArrayList<>(c.getValue().cli());
            args.addAll(List.of("--format", "json"));
            CliTestSupport.Run run = CliTestSupport.run(args.toArray(String[]::new));
            assertEquals(ExitCodes.OK, run.exitCode(), c.getKey() + ": " + run.err());
            JsonNode viaCli = json.readTree(run.out()).get("findings");

            Path prepared = Files.createDirectories(dir.resolve("prepared-" + c.getKey()));
            copyTree(files, prepared);
            Files.writeString(prepared.resolve("exhibit.yaml"), "exhibit-manifest: 1\ncase: paths\n"
                    + "date: 2026-11-20T09:00:00Z\nexhibits:\n" + c.getValue().exhibits() + "analyses:\n  - "
                    + c.getValue().step() + "\n", StandardCharsets.UTF_8);
            Path bundle = dir.resolve("bundle-" + c.getKey());
            BundleBuilder.createFrom(bundle, prepared, Limits.DEFAULT);
            JsonNode report = json.readTree(JsonReportWriter.toJson(
                    BundleRunner.run(bundle, Limits.DEFAULT, 1, Progress.NONE).report()));
            JsonNode step = report.get("options").get("analyses").get(0);
            List<JsonNode> viaBundle = new ArrayList<>();
            for (int i = 0; i < step.get("findings").asInt(); i++) {
                viaBundle.add(report.get("findings").get(step.get("firstFinding").asInt() + i));
            }
            assertFalse(viaBundle.isEmpty(), c.getKey() + " gave no findings");
            for (JsonNode f : viaBundle) {
                assertTrue(org.exhibit.analysis.Rules.KNOWN.contains(f.get("rule").asText()),
                        c.getKey() + " produced rule " + f.get("rule").asText() + ", which Rules.KNOWN lacks");
            }
            assertEquals(viaCli.size(), viaBundle.size(), c.getKey() + ": number of findings");
            for (int i = 0; i < viaBundle.size(); i++) {
                assertEquals(normalise(viaCli.get(i).toString(), files + "/"),
                        normalise(viaBundle.get(i).toString(), "data/"), c.getKey() + " #" + i);
            }
        }
    }

    private static String normalise(String findingsJson, String root) {
        return findingsJson.replace(root, "");
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (!p.getFileName().toString().equals("exhibit.yaml")) {
                    Files.copy(p, t);
                }
            }
        }
    }
}
