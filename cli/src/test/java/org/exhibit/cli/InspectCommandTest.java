package org.exhibit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exhibit.fixtures.Audio;
import org.exhibit.fixtures.Documents;
import org.exhibit.fixtures.JpegBuilder;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InspectCommandTest {

    @TempDir
    Path dir;

    private JsonNode inspectJson(Path file) throws Exception {
        CliTestSupport.Run r = CliTestSupport.run("inspect", "--format", "json", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertEquals(Files.size(file), report.at("/exhibits/0/size").asLong());
        assertEquals(org.exhibit.evidence.Hashing.sha256Hex(file), report.at("/exhibits/0/sha256").asText());
        return report;
    }

    private static String item(JsonNode report, String group, String tag) {
        for (JsonNode i : report.at("/findings/0/data/inventory/items")) {
            if (i.get("group").asText().equals(group) && i.get("tag").asText().equals(tag)) {
                return i.get("value").asText();
            }
        }
        throw new AssertionError("no " + group + "/" + tag + " in " + report.at("/findings/0/data/inventory/items"));
    }

    @Test
    void pngTextChunkAndSize() throws Exception {
        Path png = dir.resolve("a.png");
        Files.write(png, PngBuilder.rgb(Pictures.scene(64, 48, 1)).text("parameters", "a cat\nSteps: 20, Seed: 7").build());
        JsonNode r = inspectJson(png);
        assertEquals("image/png", r.at("/exhibits/0/mediaType").asText());
        assertEquals(64, r.at("/findings/0/data/inventory/width").asInt());
        assertEquals(48, r.at("/findings/0/data/inventory/height").asInt());
        assertEquals("parameters: a cat\nSteps: 20, Seed: 7", item(r, "PNG-tEXt", "Textual Data"));
    }

    @Test
    void jpegExifTagsInBothByteOrders() throws Exception {
        for (ByteOrder order : new ByteOrder[]{ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            Path jpg = dir.resolve("b-" + order + ".jpg");
            Files.write(jpg, JpegBuilder.of(Pictures.scene(80, 60, 2)).byteOrder(order)
                    .ascii(0x010F, "ExhibitCam").ascii(0x0131, "exhibit fixtures 1.0")
                    .userCommentUnicode("Steps: 33, Seed: 2692150200").build());
            JsonNode r = inspectJson(jpg);
            assertEquals("image/jpeg", r.at("/exhibits/0/mediaType").asText());
            assertEquals("ExhibitCam", item(r, "Exif IFD0", "Make"));
            assertEquals("exhibit fixtures 1.0", item(r, "Exif IFD0", "Software"));
            assertEquals("Steps: 33, Seed: 2692150200", item(r, "Exif SubIFD", "User Comment"), order.toString());
            assertEquals(80, r.at("/findings/0/data/inventory/width").asInt());
        }
    }

    @Test
    void wavDurationAndFormat() throws Exception {
        Path wav = dir.resolve("c.wav");
        Files.write(wav, Audio.wav(Audio.tone(440, 1.5, 16000, 0.5), 16000));
        JsonNode r = inspectJson(wav);
        assertTrue(r.at("/exhibits/0/mediaType").asText().startsWith("audio/"), r.at("/exhibits/0").toString());
        assertEquals(1.5, r.at("/findings/0/data/inventory/duration").asDouble(), 1e-9);
        assertEquals(16000, Double.parseDouble(item(r, "Tika", "samplerate")));
        assertEquals("1", item(r, "Tika", "channels"));
    }

    @Test
    void pdfPagesAndInfo() throws Exception {
        Path pdf = dir.resolve("d.pdf");
        Files.write(pdf, Documents.pdf(3, "Expert report", "A. Expert", Map.of("AIGC", "{\"Label\":\"1\"}")));
        JsonNode r = inspectJson(pdf);
        assertEquals("application/pdf", r.at("/exhibits/0/mediaType").asText());
        assertEquals(3, r.at("/findings/0/data/inventory/pages").asInt());
        assertEquals("Expert report", item(r, "Tika", "dc:title"));
        assertEquals("A. Expert", item(r, "Tika", "dc:creator"));
        assertEquals("{\"Label\":\"1\"}", item(r, "Tika", "pdf:docinfo:custom:AIGC"));
    }

    @Test
    void textFormatListsEveryItem() throws Exception {
        Path png = dir.resolve("e.png");
        Files.write(png, PngBuilder.rgb(Pictures.scene(32, 32, 3)).text("Software", "exhibit").build());
        CliTestSupport.Run r = CliTestSupport.run("inspect", png.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("pixels    32 x 32"), r.out());
        assertTrue(r.out().contains("Textual Data: Software: exhibit"), r.out());
    }
}
