package org.exhibit.sd;

import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.exhibit.fixtures.SdInfotext;
import org.exhibit.io.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PNG text chunks built byte-exactly in code: every chunk type, then damage. */
class PngCarrierTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static PngBuilder png() {
        return PngBuilder.rgb(Pictures.scene(16, 16, 1));
    }

    @Test
    void sameRecordFromTextITxtAndZTxt() throws Exception {
        String text = SdInfotext.liVLiu().text();
        for (byte[] bytes : new byte[][]{png().text("parameters", text).build(),
                png().internationalText("parameters", text, false).build(),
                png().internationalText("parameters", text, true).build(),
                png().compressedText("parameters", text).build()}) {
            SdReading r = SdMetadata.scan(write("a.png", bytes), Limits.DEFAULT);
            assertEquals(1, r.records().size());
            GenerationRecord g = r.records().get(0);
            assertEquals(text, g.rawText());
            assertEquals(2692150200L, g.seed());
            assertEquals(33, g.steps());
            assertEquals(16, r.width());
            assertEquals(Arrays.asList(), r.anomalies());
        }
    }

    @Test
    void chinesePromptInITxtAndUtf8InTextAreBothRead() throws Exception {
        String text = SdInfotext.prompt("汉服少女, <lora:hanfu:0.8>").param("Steps", 20).param("Seed", 1)
                .param("Size", "16x16").text();
        GenerationRecord a = SdMetadata.read(write("i.png", png().internationalText("parameters", text, false)
                .build()), Limits.DEFAULT).get(0);
        GenerationRecord b = SdMetadata.read(write("t.png", png().textUtf8("parameters", text).build()),
                Limits.DEFAULT).get(0);
        assertEquals("汉服少女, <lora:hanfu:0.8>", a.prompt());
        assertEquals(a.prompt(), b.prompt());
        assertEquals("UTF-8", b.source().encoding());
        assertEquals("hanfu", a.loras().get(0).name());
    }

    @Test
    void badCrcIsReportedAndTheTextStillRead() throws Exception {
        byte[] bytes = png().text("parameters", SdInfotext.liVLiu().text()).build();
        int chunk = 33; // after the signature and IHDR
        int dataAt = chunk + 8;
        bytes[dataAt + 20] ^= 1; // flip a bit inside the prompt
        SdReading r = SdMetadata.scan(write("crc.png", bytes), Limits.DEFAULT);
        assertEquals(1, r.records().size());
        assertEquals("sd.png-crc", r.anomalies().get(0).rule());
        assertEquals(chunk, r.anomalies().get(0).offset());
    }

    @Test
    void truncatedChunkIsAFindingNotAHang() throws Exception {
        byte[] whole = png().text("parameters", SdInfotext.liVLiu().text()).build();
        byte[] cut = Arrays.copyOf(whole, 33 + 8 + 40);
        SdReading r = SdMetadata.scan(write("cut.png", cut), Limits.DEFAULT);
        assertEquals(0, r.records().size());
        assertEquals("sd.png-truncated", r.anomalies().get(0).rule());
        assertTrue(r.anomalies().get(0).statement().contains("tEXt"), r.anomalies().get(0).statement());
    }

    @Test
    void zTxtBombStopsAtTheLimit() throws Exception {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(z, new Deflater(9))) {
            byte[] mb = new byte[1 << 20];
            Arrays.fill(mb, (byte) 'a');
            for (int i = 0; i < 100; i++) {
                d.write(mb); // 100 MB of text in ~100 kB
            }
        }
        byte[] data = concat("parameters".getBytes(StandardCharsets.ISO_8859_1), new byte[]{0, 0}, z.toByteArray());
        SdReading r = SdMetadata.scan(write("bomb.png", png().chunk("zTXt", data).build()), Limits.DEFAULT);
        assertEquals(0, r.records().size());
        assertEquals("sd.decompression-bomb", r.anomalies().get(0).rule());
        assertNull(r.texts().stream().findFirst().orElse(null));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }
}
