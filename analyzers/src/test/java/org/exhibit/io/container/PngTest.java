package org.exhibit.io.container;

import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.exhibit.io.Limits;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.exhibit.io.container.Build.ascii;
import static org.exhibit.io.container.Build.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class PngTest {

    private static PngBuilder png() {
        return PngBuilder.rgb(Pictures.scene(16, 16, 1));
    }

    private static Png.File read(byte[] b) throws Exception {
        return Png.read(ByteSource.of(b), Limits.DEFAULT);
    }

    private static Png.File read(byte[] b, Limits limits) throws Exception {
        return Png.read(ByteSource.of(b), limits);
    }

    @Test
    void chunksTextsAndHeaderWithTheirOffsets() throws Exception {
        byte[] b = png().text("parameters", "a cat").internationalText("iT", "汉字", false)
                .compressedText("z", "squeezed").internationalText("c", "packed 字", true).build();
        Png.File f = read(b);
        assertEquals(List.of(), f.problems());
        assertEquals(new Png.Header(16, 16, 8, 2, 0), f.header());
        Png.Chunk ihdr = f.chunks().get(0);
        assertEquals("IHDR", ihdr.type());
        assertEquals(8, ihdr.offset());
        assertEquals(25, ihdr.length());
        assertEquals(Png.Crc.OK, ihdr.crc());
        for (int i = 1; i < f.chunks().size(); i++) { // chunks follow each other without gaps
            assertEquals(f.chunks().get(i - 1).end(), f.chunks().get(i).offset());
        }
        assertEquals(b.length, f.chunks().get(f.chunks().size() - 1).end());
        assertEquals("IEND", f.chunks().get(f.chunks().size() - 1).type());

        Png.Text t = f.texts().get(0);
        assertEquals("parameters", t.keyword());
        assertEquals("a cat", t.text());
        assertEquals(33, t.chunk().offset());
        assertEquals(33 + 8 + "parameters".length() + 1, t.textOffset());
        assertEquals("a cat", new String(b, (int) t.textOffset(), 5, java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(Text.LATIN1, t.encoding());

        Png.Text i = f.texts().get(1);
        assertEquals("汉字", i.text());
        assertEquals(Text.UTF8, i.encoding());
        assertEquals(i.chunk().dataOffset() + 2 + 1 + 2 + 1 + 1, i.textOffset()); // "iT\0" flag method "" \0 "" \0
        assertEquals("squeezed", f.texts().get(2).text());
        assertTrue(f.texts().get(2).compressed());
        assertEquals(-1, f.texts().get(2).textOffset());
        assertEquals("packed 字", f.texts().get(3).text());
    }

    @Test
    void badCrcIsReportedAndTheTextStillDecoded() throws Exception {
        byte[] b = png().text("k", "value").build();
        b[33 + 8 + 3] ^= 1;
        Png.File f = read(b);
        assertEquals(Png.Crc.BAD, f.chunks().get(1).crc());
        assertEquals(Problem.Kind.CRC, f.problems().get(0).kind());
        assertEquals(33, f.problems().get(0).offset());
        assertEquals(1, f.texts().size());
    }

    @Test
    void truncationInsideAChunkAndInsideAHeader() throws Exception {
        byte[] whole = png().text("parameters", "some text that is long enough").build();
        Png.File cut = read(Arrays.copyOf(whole, 33 + 8 + 10));
        Png.Chunk last = cut.chunks().get(cut.chunks().size() - 1);
        assertTrue(last.truncated());
        assertEquals(18, last.length());
        assertEquals(Problem.Kind.TRUNCATED, cut.problems().get(0).kind());
        assertTrue(cut.problems().get(0).message().contains("tEXt"), cut.problems().get(0).message());
        assertTrue(cut.texts().isEmpty());

        Png.File head = read(Arrays.copyOf(whole, 33 + 5));
        assertEquals(Problem.Kind.TRUNCATED, head.problems().get(0).kind());
        assertEquals(33, head.problems().get(0).offset());
    }

    @Test
    void lengthFieldPastTheEndOfTheFileIsAProblemNotAnAllocation() throws Exception {
        byte[] b = png().text("k", "v").build();
        System.arraycopy(Build.be32(0x7FFF_FFF0L), 0, b, 33, 4);
        Png.File f = assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> read(b));
        assertEquals(Problem.Kind.TRUNCATED, f.problems().get(0).kind());
        assertTrue(f.problems().get(0).message().contains("2147483632"), f.problems().get(0).message());
    }

    @Test
    void zTxtBombStopsAtTheInflateLimit() throws Exception {
        byte[] z = Build.zerosDeflated(100); // 100 MiB of zeros in about 100 kB
        byte[] b = png().chunk("zTXt", concat(ascii("bomb"), new byte[]{0, 0}, z)).build();
        Png.File f = assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> read(b, Limits.DEFAULT.withMaxInflatedBytes(8 << 20)));
        assertTrue(f.texts().isEmpty());
        Problem p = f.problems().get(0);
        assertEquals(Problem.Kind.BOMB, p.kind());
        assertEquals("zTXt bomb", p.scope());
        assertTrue(p.limitReached());
        assertTrue(p.message().contains("limit of 8388608"), p.message());
    }

    @Test
    void compressedProfileIsBoundedToo() throws Exception {
        byte[] b = png().chunk("iCCP", concat(ascii("icc"), new byte[]{0, 0}, Build.zerosDeflated(20))).build();
        Png.File f = read(b, Limits.DEFAULT.withMaxInflatedBytes(1 << 20));
        assertNull(Png.inflateProfile(f, f.chunks("iCCP").get(0)));
        assertEquals(Problem.Kind.BOMB, f.problems().get(0).kind());
    }

    @Test
    void itemCountAndTotalBytesAreBounded() throws Exception {
        PngBuilder many = png();
        for (int i = 0; i < 20; i++) {
            many.text("k" + i, "x".repeat(1000));
        }
        byte[] b = many.build();
        Png.File f = read(b, Limits.DEFAULT.withMaxItems(5));
        assertEquals(5, f.chunks().size());
        assertEquals(Problem.Kind.TOO_MANY, f.problems().get(0).kind());

        Png.File g = read(b, Limits.DEFAULT.withMaxTotalBytes(5000));
        assertTrue(g.texts().size() < 20);
        assertTrue(g.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.TOO_LARGE), g.problems().toString());

        Png.File h = read(b, Limits.DEFAULT.withMaxItemBytes(500));
        assertTrue(h.texts().isEmpty());
        assertEquals(20, h.problems().stream().filter(p -> p.kind() == Problem.Kind.TOO_LARGE).count());
    }

    @Test
    void malformedTextAndTrailingBytes() throws Exception {
        byte[] b = concat(png().chunk("tEXt", ascii("no keyword terminator")).chunk("iTXt", concat(ascii("k"),
                new byte[]{0, 0})).build(), ascii("junk"));
        Png.File f = read(b);
        assertEquals(List.of(Problem.Kind.MALFORMED, Problem.Kind.MALFORMED, Problem.Kind.TRAILING),
                f.problems().stream().map(Problem::kind).toList());
        assertFalse(f.problems().get(2).limitReached());
        assertEquals(b.length - 4, f.problems().get(2).offset());
    }
}
