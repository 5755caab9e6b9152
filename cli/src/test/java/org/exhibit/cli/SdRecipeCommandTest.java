package org.exhibit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.exhibit.fixtures.SdInfotext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SdRecipeCommandTest {

    @TempDir
    Path dir;

    @Test
    void savesAnA1111PayloadAndReportsThatItReadsBackTheSame() throws Exception {
        Path png = dir.resolve("00012-2692150200.png");
        Files.write(png, PngBuilder.rgb(Pictures.scene(64, 96, 2)).text("parameters", SdInfotext.liVLiu().text()).build());
        Path payload = dir.resolve("payload.json");
        var run = CliTestSupport.run("sd", "recipe", png.toString(), "--target", "a1111", "--save", payload.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("it asks for the same settings"), run.out());
        var json = new ObjectMapper().readTree(Files.readString(payload));
        assertEquals(2692150200L, json.get("seed").asLong());
        assertEquals("AsiaFacemix-pruned-fix", json.at("/override_settings/sd_model_checkpoint").asText());
    }

    @Test
    void comfyTargetPrintsTheGraphAndAFileWithoutRecordIsAnInputError() throws Exception {
        Path png = dir.resolve("a.png");
        Files.write(png, PngBuilder.rgb(Pictures.scene(64, 96, 2)).text("parameters", SdInfotext.liVLiu().text()).build());
        var run = CliTestSupport.run("sd", "recipe", png.toString(), "--target", "comfyui");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"class_type\" : \"KSampler\""), run.out());
        Path plain = dir.resolve("plain.png");
        Files.write(plain, PngBuilder.rgb(Pictures.scene(16, 16, 3)).build());
        assertEquals(3, CliTestSupport.run("sd", "recipe", plain.toString(), "--target", "a1111").exitCode());
        assertEquals(2, CliTestSupport.run("sd", "recipe", png.toString(), "--target", "midjourney").exitCode());
    }
}
