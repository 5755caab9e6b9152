package org.exhibit.cli;

import com.fasterxml.jackson.databind.JsonNode;
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

class SdShowCommandTest {

    @TempDir
    Path dir;

    @Test
    void showsTheLiVLiuRecordAsJsonAndText() throws Exception {
        Path png = dir.resolve("00012-2692150200.png");
        Files.write(png, PngBuilder.rgb(Pictures.scene(32, 48, 3))
                .internationalText("parameters", SdInfotext.liVLiu().text(), false).build());
        CliTestSupport.Run r = CliTestSupport.run("sd", "show", "--format", "json", png.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode f = new ObjectMapper().readTree(r.out()).at("/findings/0");
        assertEquals("sd.generation-record", f.at("/rule").asText());
        assertEquals(2692150200L, f.at("/data/record/seed").asLong());
        assertEquals("AsiaFacemix-pruned-fix", f.at("/data/record/model").asText());
        assertEquals(0.75, f.at("/data/record/loras/0/weight").asDouble());
        assertEquals("2ad1b4d0a7bb", f.at("/data/record/loras/0/hash").asText());
        assertEquals(41, f.at("/evidence/0/offset").asLong());
        assertEquals("PNG iTXt parameters", f.at("/evidence/0/carrier").asText());

        CliTestSupport.Run text = CliTestSupport.run("sd", "show", png.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("seed       2692150200"), text.out());
        assertTrue(text.out().contains("lora-hanfugirl-v1-5  weight 0.75  [2ad1b4d0a7bb]"), text.out());
    }

    @Test
    void missingFileIsExitCode3() {
        CliTestSupport.Run r = CliTestSupport.run("sd", "show", dir.resolve("nope.png").toString());
        assertEquals(3, r.exitCode());
        assertTrue(r.err().contains("no such file"), r.err());
    }

    @Test
    void truncatedPngIsAFindingAndJsonIsDeterministic() throws Exception {
        byte[] whole = PngBuilder.rgb(Pictures.scene(16, 16, 4)).text("parameters", SdInfotext.liVLiu().text()).build();
        Path cut = dir.resolve("cut.png");
        Files.write(cut, java.util.Arrays.copyOf(whole, 100));
        CliTestSupport.Run a = CliTestSupport.run("sd", "show", "--format", "json", cut.toString());
        assertEquals(0, a.exitCode(), a.err());
        assertTrue(a.out().contains("\"sd.png-truncated\""), a.out());
        CliTestSupport.Run b = CliTestSupport.run("sd", "show", "--format", "json", cut.toString());
        assertEquals(a.out(), b.out());
    }

    @Test
    void emptyFileIsExitCode3() throws Exception {
        Path empty = dir.resolve("empty.png");
        Files.write(empty, new byte[0]);
        CliTestSupport.Run r = CliTestSupport.run("sd", "show", empty.toString());
        assertEquals(3, r.exitCode());
        assertTrue(r.err().contains("empty"), r.err());
    }
}
