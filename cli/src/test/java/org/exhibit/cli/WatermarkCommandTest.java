package org.exhibit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.exhibit.fixtures.WatermarkRemovals;
import org.exhibit.fixtures.Watermarks;
import org.exhibit.models.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Font;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WatermarkCommandTest {

    @TempDir
    Path dir;

    @Test
    void filledMarkIsReportedWithFigureAndModels() throws Exception {
        Font font = Font.createFont(Font.TRUETYPE_FONT, ModelStore.path("font-noto-sans-sc").toFile());
        Watermarks.Marked m = Watermarks.random(font, 1000);
        Path original = dir.resolve("original.png"), accused = dir.resolve("accused.png");
        Files.write(original, PngBuilder.rgb(m.image()).build());
        Files.write(accused, PngBuilder.rgb(WatermarkRemovals.apply(m, WatermarkRemovals.Variant.FILLED)).build());
        byte[] before = Files.readAllBytes(accused);
        Path out = dir.resolve("r/report.json");
        CliTestSupport.Run r = CliTestSupport.run("watermark", original.toString(), accused.toString(),
                "--format", "json", "--out", out.toString(), "--fail-on", "indicates");
        assertEquals(ExitCodes.FINDINGS, r.exitCode(), r.err());
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        JsonNode findings = report.get("findings");
        assertEquals("watermark.mark", findings.get(0).get("rule").asText());
        assertTrue(findings.get(0).get("statement").asText().contains(m.text()));
        JsonNode removal = findings.get(1);
        assertEquals("watermark.removal", removal.get("rule").asText());
        assertEquals("strongly-indicates", removal.get("verdict").asText());
        assertTrue(Files.isRegularFile(dir.resolve("r/figures/watermark-region.png")));
        assertEquals("watermark.metadata-stripped", findings.get(2).get("rule").asText());
        assertEquals("watermark.reencoding", findings.get(3).get("rule").asText());
        assertTrue(Files.isRegularFile(dir.resolve("r/figures/watermark-ela.png")));
        assertEquals("ppocr-v4-det", report.get("models").get(0).get("name").asText());
        assertArrayEquals(before, Files.readAllBytes(accused), "inputs are never modified");
    }

    @Test
    void unrelatedPictureIsNotARemovalClaim() throws Exception {
        Path original = dir.resolve("a.png"), other = dir.resolve("b.png");
        Files.write(original, PngBuilder.rgb(Pictures.scene(320, 240, 1)).build());
        Files.write(other, PngBuilder.rgb(Pictures.scene(320, 240, 2)).build());
        CliTestSupport.Run r = CliTestSupport.run("watermark", original.toString(), other.toString(),
                "--region", "200,200,100,30", "--format", "json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        JsonNode removal = new ObjectMapper().readTree(r.out()).get("findings").get(1);
        assertEquals("inconclusive", removal.get("verdict").asText());
        assertTrue(removal.get("statement").asText().contains("do not show the same picture"), removal.toString());
    }

    @Test
    void badRegionAndMissingFile() throws Exception {
        Path original = dir.resolve("a.png");
        Files.write(original, PngBuilder.rgb(Pictures.scene(64, 64, 1)).build());
        CliTestSupport.Run r = CliTestSupport.run("watermark", original.toString(), original.toString(),
                "--region", "60,60,10,10");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.err());
        r = CliTestSupport.run("watermark", original.toString(), dir.resolve("missing.png").toString());
        assertEquals(ExitCodes.INPUT, r.exitCode(), r.err());
        assertTrue(r.err().contains("no such file"), r.err());
    }
}
