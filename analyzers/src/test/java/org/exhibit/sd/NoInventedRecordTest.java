package org.exhibit.sd;

import org.exhibit.fixtures.JpegBuilder;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.exhibit.fixtures.SdInfotext;
import org.exhibit.io.Limits;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No record where there is none: text in the same carriers and keys the generators use, but without an
 * infotext's parameter line, is not a generation record; nor is anything in a real camera photograph.
 */
class NoInventedRecordTest {

    @TempDir
    Path dir;

    private List<GenerationRecord> read(String name, byte[] bytes) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return SdMetadata.read(f, Limits.DEFAULT);
    }

    @Test
    void freeTextInTheGeneratorsKeysIsNoRecord() throws Exception {
        var picture = Pictures.scene(32, 32, 3);
        for (String text : List.of("Holiday in Rome", "Rome: day 2, beach: sunny", "Steps: 20",
                "Camera: X, Lens: Y, ISO: 100", "a portrait\nNegative prompt: blurry")) {
            assertEquals(List.of(), read("p.png", PngBuilder.rgb(picture).text("parameters", text).build()), text);
            assertEquals(List.of(), read("c.png", PngBuilder.rgb(picture).text("Comment", text).build()), text);
            assertEquals(List.of(), read("u.jpg", JpegBuilder.of(picture).userCommentUnicode(text).build()), text);
        }
    }

    @Test
    void aCamerasBinaryUserCommentIsNoRecord() throws Exception {
        // Samsung phones write a binary UserComment under an "undefined" character code (8 NUL bytes), as the
        // exif-rotn samples of ../shared/samples/photos carry: it decodes to noise with stray ':' and ','
        byte[] noise = "JKJK'|\u0001\u00ff 1\" 1\" Q3: aS, qU: w, d3: x".repeat(8).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(8 + noise.length).put(new byte[8]).put(noise);
        assertEquals(List.of(), read("s.jpg", JpegBuilder.of(Pictures.scene(32, 32, 4)).userComment(b.array()).build()));
    }

    @Test
    void aRealInfotextInTheSameCarriersIsStillARecord() throws Exception {
        String text = SdInfotext.liVLiu().text();
        var picture = Pictures.scene(32, 32, 5);
        assertEquals(1, read("p.png", PngBuilder.rgb(picture).text("parameters", text).build()).size());
        assertEquals(1, read("u.jpg", JpegBuilder.of(picture).userCommentUnicode(text).build()).size());
    }

    @Test
    void realCameraPhotosHoldNoRecord() throws Exception {
        Path photos = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "..", "shared", "samples",
                "photos");
        Assumptions.assumeTrue(Files.isDirectory(photos), "real photos " + photos + " are absent; skipped");
        List<Path> all;
        try (Stream<Path> s = Files.walk(photos)) {
            all = s.filter(p -> p.toString().endsWith(".jpg") || p.toString().endsWith(".png")).sorted().toList();
        }
        assertTrue(all.size() >= 20, "expected the photo samples, found " + all.size());
        for (Path p : all) {
            assertEquals(List.of(), SdMetadata.read(p, Limits.DEFAULT), p.toString());
        }
    }
}
