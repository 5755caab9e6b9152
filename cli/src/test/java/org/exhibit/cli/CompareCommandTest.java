package org.exhibit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exhibit.fixtures.Scenes;
import org.exhibit.fixtures.Transforms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareCommandTest {

    @TempDir
    Path dir;

    private Path png(String name, BufferedImage img) throws Exception {
        Path p = dir.resolve(name);
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    private static JsonNode finding(JsonNode report, String rule) {
        for (JsonNode f : report.at("/findings")) {
            if (f.at("/rule").asText().equals(rule)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + rule);
    }

    @Test
    void findsA40PercentCropOutlinesItAndItemisesTheRegions() throws Exception {
        BufferedImage original = Scenes.draw(800, 600, 21);
        Path o = png("original.png", original);
        Path a = png("accused.png", Transforms.crop(original, 250, 120, 506, 379)); // 40 % of the area
        Path reportDir = dir.resolve("case");
        CliTestSupport.Run r = CliTestSupport.run("compare", "--format", "json", "--report-dir", reportDir.toString(),
                o.toString(), a.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode report = new ObjectMapper().readTree(Files.readString(reportDir.resolve("report.json")));
        JsonNode kp = finding(report, "similarity.keypoints");
        assertEquals("GOOD", kp.at("/data/quality").asText());
        JsonNode region = kp.at("/evidence/0/region");
        assertEquals(250, region.at("/x").asInt(), 3);
        assertEquals(120, region.at("/y").asInt(), 3);
        assertEquals(506, region.at("/width").asInt(), 4);
        assertEquals(379, region.at("/height").asInt(), 4);
        assertTrue(Files.exists(reportDir.resolve("figures/similarity-region.png")));
        assertTrue(Files.exists(reportDir.resolve("figures/similarity-keypoints.png")));
        assertTrue(Files.exists(reportDir.resolve("figures/similarity-warp-difference.png")));
        JsonNode items = finding(report, "similarity.regions").at("/data/items");
        assertEquals(9, items.size());
        assertTrue(items.get(4).at("/ssim").asDouble() > 0.9, items.toString());
        JsonNode conclusion = finding(report, "similarity.conclusion");
        assertTrue(conclusion.at("/verdict").asText().contains("indicates"), conclusion.toString());
        assertTrue(conclusion.at("/statement").asText().contains("part of the original"), conclusion.toString());
        assertTrue(finding(report, "similarity.pdq").at("/threshold/errorRate/source").asText().contains("bench similarity"));

        Path again = dir.resolve("again");
        assertEquals(0, CliTestSupport.run("compare", "--report-dir", again.toString(), o.toString(), a.toString()).exitCode());
        assertEquals(Files.readString(reportDir.resolve("report.json")), Files.readString(again.resolve("report.json")),
                "same inputs, same JSON");
    }

    @Test
    void reportsNoSimilarityBetweenUnrelatedPictures() throws Exception {
        Path o = png("o.png", Scenes.draw(640, 480, 5));
        Path a = png("a.png", Scenes.draw(600, 450, 6));
        CliTestSupport.Run r = CliTestSupport.run("compare", "--format", "json", o.toString(), a.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertEquals("contradicts", finding(report, "similarity.conclusion").at("/verdict").asText());
        assertEquals("NONE", finding(report, "similarity.keypoints").at("/data/quality").asText());
    }

    @Test
    void aMissingOrCorruptImageIsExitCode3() throws Exception {
        Path o = png("o.png", Scenes.draw(64, 64, 5));
        Path bad = dir.resolve("bad.png");
        Files.write(bad, new byte[]{(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        assertEquals(3, CliTestSupport.run("compare", o.toString(), dir.resolve("nope.png").toString()).exitCode());
        assertEquals(3, CliTestSupport.run("compare", o.toString(), bad.toString()).exitCode());
    }
}
