package org.exhibit.io.container;

import org.exhibit.fixtures.Audio;
import org.exhibit.fixtures.Labels;
import org.exhibit.io.Limits;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.exhibit.io.container.Build.ascii;
import static org.exhibit.io.container.Build.concat;
import static org.exhibit.io.container.Build.riff;
import static org.exhibit.io.container.Build.riffChunk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiffTest {

    private static Riff.File read(byte[] b) throws Exception {
        return Riff.read(ByteSource.of(b), Limits.DEFAULT);
    }

    @Test
    void wavChunksListsAndPadding() throws Exception {
        byte[] info = concat(ascii("INFO"), riffChunk("INAM", ascii("odd")), riffChunk("ICMT", ascii("note")));
        byte[] b = Audio.wav(Audio.tone(440, 0.01, 8000, 0.3), 8000, riffChunk("LIST", info), riffChunk("AIGC", ascii("x")));
        Riff.File f = read(b);
        assertEquals(List.of(), f.problems());
        assertEquals("WAVE", f.formType());
        assertEquals(b.length, f.declaredEnd());
        assertEquals(List.of("fmt ", "LIST", "AIGC", "data"), f.chunks().stream().map(Riff.Chunk::id).toList());
        assertEquals(12, f.chunks().get(0).offset());
        Riff.Chunk list = f.chunks().get(1);
        assertTrue(list.isList("INFO"));
        assertEquals(List.of("LIST:INFO/INAM", "LIST:INFO/ICMT"), list.children().stream().map(Riff.Chunk::path).toList());
        Riff.Chunk inam = list.children().get(0);
        assertEquals(list.offset() + 12, inam.offset());
        assertEquals(3, inam.dataLength());
        assertEquals(inam.offset() + 8 + 3 + 1, list.children().get(1).offset(), "odd chunk padded");
        assertEquals(6, f.items().size());
        assertEquals(list.end(), f.first("AIGC").offset());
        assertEquals(f.first("AIGC").offset() + 8 + 1 + 1, f.first("data").offset());
    }

    @Test
    void webpCanvasFromVp8xAndFromTheBitstream() throws Exception {
        Riff.File simple = read(Labels.webpSimple());
        Webp.Size s = Webp.canvas(simple);
        assertTrue(s.width() > 0 && s.height() > 0, s.toString());
        assertEquals(s, Webp.bitstream(simple, simple.chunks().get(0)));
        byte[] vp8x = concat(new byte[]{Webp.XMP_FLAG, 0, 0, 0}, new byte[]{99, 0, 0}, new byte[]{49, 0, 0});
        Riff.File ext = read(riff("WEBP", riffChunk("VP8X", vp8x), riffChunk("XMP ", ascii("<x/>"))));
        assertEquals(new Webp.Size(100, 50, false), Webp.canvas(ext));
        assertTrue(Webp.isWebp(Arrays.copyOf(riff("WEBP"), 12)));
    }

    @Test
    void truncatedChunkAndDeclaredSizePastTheEnd() throws Exception {
        byte[] b = riff("WEBP", riffChunk("VP8X", new byte[10]), riffChunk("EXIF", new byte[100]));
        Riff.File cut = read(Arrays.copyOf(b, b.length - 50));
        Riff.Chunk exif = cut.chunks().get(1);
        assertTrue(exif.truncated());
        assertEquals(Problem.Kind.TRUNCATED, cut.problems().get(0).kind());
        assertEquals("The WebP EXIF chunk at byte 30 declares 100 bytes but the file ends first.",
                cut.problems().get(0).message());
        assertNull(Webp.canvas(read(Arrays.copyOf(b, 25))));

        Riff.File atBoundary = read(Arrays.copyOf(b, 30));
        assertEquals(Problem.Kind.TRUNCATED, atBoundary.problems().get(0).kind());

        byte[] big = b.clone();
        System.arraycopy(Build.le32(0xFFFF_FF00L), 0, big, 34, 4); // EXIF length: 4 GB
        assertEquals(Problem.Kind.TRUNCATED, read(big).problems().get(0).kind());
    }

    @Test
    void listsNestedPastTheDepthLimitAreNotWalked() throws Exception {
        byte[] inner = riffChunk("ISFT", ascii("x"));
        for (int i = 0; i < 12; i++) {
            inner = riffChunk("LIST", concat(ascii("INFO"), inner));
        }
        Riff.File f = Riff.read(ByteSource.of(riff("WAVE", inner)), Limits.DEFAULT.withMaxDepth(5));
        assertEquals(Problem.Kind.TOO_DEEP, f.problems().get(0).kind());
        assertEquals(6, f.items().size());
    }

    @Test
    void aviMediaListIsLocatedNotWalked() throws Exception {
        byte[] movi = concat(ascii("movi"), riffChunk("00dc", new byte[64]), riffChunk("00dc", new byte[64]));
        Riff.File f = read(riff("AVI ", riffChunk("LIST", concat(ascii("hdrl"), riffChunk("avih", new byte[56]))),
                riffChunk("LIST", movi)));
        assertEquals(List.of("LIST:hdrl", "LIST:hdrl/avih", "LIST:movi"), f.items().stream().map(Riff.Chunk::path).toList());
    }

    @Test
    void bytesAfterTheDeclaredEndAreTrailing() throws Exception {
        byte[] b = concat(riff("WAVE", riffChunk("fmt ", new byte[16])), ascii("tail"));
        Riff.File f = read(b);
        assertEquals(Problem.Kind.TRAILING, f.problems().get(0).kind());
        assertEquals(b.length - 4, f.problems().get(0).offset());
    }
}
