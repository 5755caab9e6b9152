package org.exhibit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exhibit.fixtures.LiVLiu;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SdHistoryCommandTest {

    @TempDir
    Path dir;

    @Test
    void liVLiuFolderGivesTheJudgmentsStepsInJsonTextAndHtml() throws Exception {
        List<LiVLiu.Step> steps = LiVLiu.steps();
        for (int i = 0; i < steps.size(); i++) {
            Files.write(dir.resolve(steps.get(i).fileName()), PngBuilder.rgb(Pictures.scene(48, 72, i))
                    .text("parameters", steps.get(i).infotext()).chunk("tIME", time(10 + i)).build());
        }
        Files.write(dir.resolve("notes.png"), PngBuilder.rgb(Pictures.scene(16, 16, 9)).build());

        CliTestSupport.Run r = CliTestSupport.run("sd", "history", "--format", "json", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode findings = new ObjectMapper().readTree(r.out()).at("/findings");
        assertEquals(4, findings.size(), r.out());
        assertEquals("sd.history", findings.at("/0/rule").asText());
        assertEquals(dir.resolve("notes.png").toString(), findings.at("/0/data/withoutRecord/0").asText());
        assertEquals("Seed 2692150200 → 2692150199", findings.at("/0/data/steps/1/what changed").asText());
        assertEquals("seed", findings.at("/1/data/changes/0/change").asText());
        assertEquals("Prompt + \"" + LiVLiu.ADDED_FIRST + "\"", findings.at("/0/data/steps/2/what changed").asText());
        assertEquals(LiVLiu.ADDED_SECOND, findings.at("/3/data/changes/0/to").asText());

        CliTestSupport.Run text = CliTestSupport.run("sd", "history", dir.toString());
        assertTrue(text.out().contains("Step 3, 00002-2692150199.png after 00001-2692150199.png: Prompt + \""
                + LiVLiu.ADDED_FIRST + "\"."), text.out());

        CliTestSupport.Run html = CliTestSupport.run("sd", "history", "--format", "html", dir.toString());
        assertTrue(html.out().contains("<table class=\"rows\"><thead><tr><th>#</th><th>file</th><th>seed</th>"
                + "<th>what changed</th></tr>"), html.out());
    }

    @Test
    void recordedTimesThatRunBackwardsAreFlagged() throws Exception {
        List<LiVLiu.Step> steps = LiVLiu.steps();
        Files.write(dir.resolve(steps.get(0).fileName()), PngBuilder.rgb(Pictures.scene(16, 16, 1))
                .text("parameters", steps.get(0).infotext()).chunk("tIME", time(30)).build());
        Files.write(dir.resolve(steps.get(1).fileName()), PngBuilder.rgb(Pictures.scene(16, 16, 2))
                .text("parameters", steps.get(1).infotext()).chunk("tIME", time(20)).build());
        Files.write(dir.resolve("00002-1234.png"), PngBuilder.rgb(Pictures.scene(16, 16, 2))
                .text("parameters", steps.get(1).infotext()).build());
        JsonNode findings = new ObjectMapper().readTree(CliTestSupport.run("sd", "history", "--format", "json",
                dir.toString()).out()).at("/findings");
        List<String> rules = new java.util.ArrayList<>();
        findings.forEach(f -> rules.add(f.at("/rule").asText()));
        assertEquals(List.of("sd.history", "sd.history-step", "sd.history-step", "sd.history-name-seed",
                "sd.history-order-conflict"), rules);
        assertTrue(findings.at("/2/statement").asText().endsWith("no recorded setting changed (a re-run or a copy)."));
        assertTrue(findings.at("/3/statement").asText().startsWith("00002-1234.png is named for seed 1234 but its "
                + "record says Seed 2692150199"), findings.at("/3/statement").asText());
    }

    @Test
    void aMissingFolderIsExitCode3() {
        CliTestSupport.Run r = CliTestSupport.run("sd", "history", dir.resolve("nope").toString());
        assertEquals(3, r.exitCode());
        assertTrue(r.err().contains("no such folder"), r.err());
    }

    /** A PNG tIME chunk: 2023-02-24 12:MM:00 UTC. */
    private static byte[] time(int minute) {
        return new byte[]{0x07, (byte) 0xE7, 2, 24, 12, (byte) minute, 0};
    }
}
