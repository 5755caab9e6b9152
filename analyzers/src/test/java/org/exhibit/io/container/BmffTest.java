package org.exhibit.io.container;

import org.exhibit.fixtures.Mp4Builder;
import org.exhibit.io.Limits;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.exhibit.io.container.Build.ascii;
import static org.exhibit.io.container.Build.be32;
import static org.exhibit.io.container.Build.box;
import static org.exhibit.io.container.Build.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BmffTest {

    private static Bmff.File read(byte[] b) throws Exception {
        return Bmff.read(ByteSource.of(b), Limits.DEFAULT);
    }

    @Test
    void mp4MetadataTreeWithKeysAndItems() throws Exception {
        for (boolean first : new boolean[]{true, false}) {
            byte[] b = Mp4Builder.audio().moovFirst(first).key("AIGC", "{}").build();
            Bmff.File f = read(b);
            assertEquals(List.of(), f.problems());
            Bmff.Box moov = f.first("moov");
            Bmff.Box meta = moov.child("udta").child("meta");
            assertEquals("moov/udta/meta", meta.path());
            Bmff.Box keys = meta.child("keys");
            assertNotNull(keys);
            assertEquals(List.of("AIGC"), f.keys(keys));
            Bmff.Box ilst = meta.child("ilst");
            Bmff.Box item = ilst.children().get(0);
            assertEquals("data", item.children().get(0).type());
            assertEquals(item.offset() + 8, item.children().get(0).offset());
            long sum = f.boxes().stream().mapToLong(Bmff.Box::size).sum();
            assertEquals(b.length, sum, "top-level boxes cover the file");
        }
        Bmff.File ff = read(Mp4Builder.audio().itunesIlst().build());
        Bmff.Box meta = ff.first("moov").child("udta").child("meta");
        assertEquals(meta.dataOffset() + 4, meta.childOffset(), "ISO meta is a full box");
    }

    @Test
    void largeSizeAndUuidHeaders() throws Exception {
        byte[] large = concat(be32(1), ascii("free"), new byte[]{0, 0, 0, 0, 0, 0, 0, 24}, new byte[8]);
        byte[] uuid = box("uuid", new byte[]{(byte) 0xBE, 0x7A, (byte) 0xCF, (byte) 0xCB, (byte) 0x97, (byte) 0xA9,
                0x42, (byte) 0xE8, (byte) 0x9C, 0x71, (byte) 0x99, (byte) 0x94, (byte) 0x91, (byte) 0xE3, (byte) 0xAF,
                (byte) 0xAC}, ascii("<x/>"));
        Bmff.File f = read(concat(box("ftyp", ascii("isom")), large, uuid));
        assertEquals(List.of(), f.problems());
        Bmff.Box l = f.boxes().get(1);
        assertTrue(l.largeSize());
        assertEquals(16, l.headerLength());
        assertEquals(24, l.size());
        Bmff.Box u = f.boxes().get(2);
        assertEquals("be7acfcb97a942e89c71999491e3afac", u.userType());
        assertEquals(u.offset() + 24, u.dataOffset());
        assertEquals(4, u.dataLength());
    }

    @Test
    void boxPastTheEndOfTheFileAndPastItsParent() throws Exception {
        byte[] b = Mp4Builder.audio().moovFirst(true).key("AIGC", "{}").build();
        Bmff.File cut = read(Arrays.copyOf(b, 60));
        assertTrue(cut.items().stream().anyMatch(Bmff.Box::truncated));
        assertEquals(Problem.Kind.TRUNCATED, cut.problems().get(0).kind());

        byte[] overrun = concat(box("moov", box("udta", concat(be32(40), ascii("meta"), new byte[8]))),
                box("free", new byte[64]));
        Bmff.File o = read(overrun);
        assertEquals(Problem.Kind.OUT_OF_BOUNDS, o.problems().get(0).kind());
        assertEquals("moov/udta/meta", o.problems().get(0).scope());
        assertTrue(o.problems().get(0).message().contains("'moov/udta'"), o.problems().get(0).message());

        byte[] claim = concat(be32(0xFFFF_FFF0L), ascii("mdat"), new byte[16]);
        assertEquals(Problem.Kind.TRUNCATED, read(claim).problems().get(0).kind());

        byte[] small = concat(be32(4), ascii("free"));
        assertEquals(Problem.Kind.MALFORMED, read(small).problems().get(0).kind());
    }

    @Test
    void deepNestingStopsAtTheDepthLimit() throws Exception {
        byte[] b = box("free");
        for (int i = 0; i < 200; i++) {
            b = box(i % 2 == 0 ? "udta" : "moov", b);
        }
        Bmff.File f = read(b);
        assertEquals(Problem.Kind.TOO_DEEP, f.problems().get(0).kind());
        assertEquals(Limits.DEFAULT.maxDepth() + 1, f.items().size());
        assertTrue(f.limitReached());
    }

    @Test
    void heifMetaWithItemProperties() throws Exception {
        byte[] meta = box("meta", new byte[4], box("hdlr", new byte[4], new byte[4], ascii("pict"), new byte[13]),
                box("iprp", box("ipco", box("ispe", new byte[4], be32(640), be32(480)))));
        Bmff.File f = read(concat(box("ftyp", ascii("heic"), new byte[4], ascii("mif1heic")), meta));
        assertEquals(List.of(), f.problems());
        Bmff.Box ispe = f.first("meta").child("iprp").child("ipco").child("ispe");
        assertEquals("meta/iprp/ipco/ispe", ispe.path());
        assertEquals(20, ispe.size());
    }
}
