package org.exhibit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exhibit.evidence.Hashing;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.exhibit.fixtures.Safetensors;
import org.exhibit.fixtures.SdInfotext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SdVerifyModelCommandTest {

    @TempDir
    Path dir;

    @Test
    void recordedModelAndLoraHashesNameTheFilesAtTheirBytes() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        byte[] checkpoint = Safetensors.f32(Map.of(), 1, 1000).bytes();
        Safetensors.File lora = Safetensors.f32(Map.of("ss_output_name", "lora-hanfugirl-v1-5"), 2, 500);
        Files.write(Files.createDirectories(models.resolve("Stable-diffusion")).resolve("AsiaFacemix-pruned-fix.safetensors"),
                checkpoint);
        Files.write(Files.createDirectories(models.resolve("Lora")).resolve("lora-hanfugirl-v1-5.safetensors"),
                lora.bytes());
        Files.write(models.resolve("Lora/broken.safetensors"), Safetensors.raw("[1,2".getBytes(), new byte[8]).bytes());
        String modelHash = Hashing.sha256Hex(checkpoint).substring(0, 10);
        String loraHash = Hashing.sha256Hex(lora.data()).substring(0, 12);
        String infotext = SdInfotext.liVLiu().param("Model hash", modelHash)
                .param("Lora hashes", "lora-hanfugirl-v1-5: " + loraHash).text();
        Path png = dir.resolve("00012-2692150200.png");
        byte[] pngBytes = PngBuilder.rgb(Pictures.scene(32, 48, 3)).text("parameters", infotext).build();
        Files.write(png, pngBytes);

        CliTestSupport.Run r = CliTestSupport.run("sd", "verify-model", "--format", "json", png.toString(),
                "--models", models.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        JsonNode findings = report.at("/findings");
        assertEquals(4, report.at("/exhibits").size());
        assertEquals("sd.model-file-hashes", findings.at("/0/rule").asText());
        assertEquals("sd.safetensors-invalid", findings.at("/1/rule").asText());
        JsonNode model = findings.at("/4");
        assertEquals("sd.model-hash-match", model.at("/rule").asText());
        assertEquals("strongly-indicates", model.at("/verdict").asText());
        assertEquals("Model hash", model.at("/evidence/0/field").asText());
        assertEquals(modelHash, bytesAt(pngBytes, model.at("/evidence/0")));
        JsonNode loraMatch = findings.at("/5");
        assertEquals("strongly-indicates", loraMatch.at("/verdict").asText());
        assertTrue(loraMatch.at("/statement").asText().contains("identifies " + models.resolve("Lora")
                .resolve("lora-hanfugirl-v1-5.safetensors") + " by AutoV3 first 12 hex"), loraMatch.toString());
        assertEquals(loraHash, bytesAt(pngBytes, loraMatch.at("/evidence/0")));
    }

    @Test
    void aMissingModelsFolderIsExitCode3() {
        CliTestSupport.Run r = CliTestSupport.run("sd", "verify-model", "--models", dir.resolve("nope").toString());
        assertEquals(3, r.exitCode());
        assertTrue(r.err().contains("no such folder"), r.err());
    }

    private static String bytesAt(byte[] file, JsonNode pointer) {
        int from = pointer.at("/offset").asInt();
        return new String(Arrays.copyOfRange(file, from, from + pointer.at("/length").asInt()),
                StandardCharsets.ISO_8859_1);
    }
}
