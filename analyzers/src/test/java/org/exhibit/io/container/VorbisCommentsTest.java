package org.exhibit.io.container;

import org.exhibit.fixtures.Labels;
import org.exhibit.io.Limits;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import static org.exhibit.io.container.Build.ascii;
import static org.exhibit.io.container.Build.concat;
import static org.exhibit.io.container.Build.le32;
import static org.exhibit.io.container.Build.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FLAC metadata blocks and Ogg pages, and the Vorbis comments both carry. */
class VorbisCommentsTest {

    static int indexOf(byte[] b, String s) {
        return Bytes.indexOf(b, utf8(s), 0);
    }

    @Test
    void flacBlocksAndComment() throws Exception {
        byte[] b = concat(Labels.flac("AIGC", "{\"Label\":\"1\"}"), new byte[]{(byte) 0xFF, (byte) 0xF8, 0, 0});
        Flac.File f = Flac.read(ByteSource.of(b), Limits.DEFAULT);
        assertEquals(List.of(), f.problems());
        assertEquals(List.of("STREAMINFO", "VORBIS_COMMENT"), f.blocks().stream().map(Flac.Block::type).toList());
        assertEquals(4, f.blocks().get(0).offset());
        assertEquals(38, f.blocks().get(0).length());
        assertEquals(b.length - 4, f.audioOffset());
        VorbisComments.Comment c = f.comments().get(0);
        assertEquals("AIGC", c.key());
        assertEquals("{\"Label\":\"1\"}", c.value());
        assertEquals(indexOf(b, "AIGC=") - 4, c.offset());
        assertEquals(4 + 5 + 13, c.length());
    }

    @Test
    void flacTruncatedAndCommentsThatOverrun() throws Exception {
        byte[] b = Labels.flac("AIGC", "value");
        Flac.File cut = Flac.read(ByteSource.of(Arrays.copyOf(b, b.length - 3)), Limits.DEFAULT);
        assertEquals(Problem.Kind.TRUNCATED, cut.problems().get(0).kind());
        assertTrue(cut.blocks().get(1).truncated());
        assertEquals(List.of(), cut.comments());

        byte[] bad = b.clone();
        int item = indexOf(bad, "AIGC=") - 4;
        System.arraycopy(le32(1 << 30), 0, bad, item, 4);
        Flac.File f = Flac.read(ByteSource.of(bad), Limits.DEFAULT);
        assertEquals(List.of(), f.comments());
        assertEquals(Problem.Kind.OUT_OF_BOUNDS, f.problems().get(0).kind());

        byte[] noLast = b.clone();
        noLast[42] &= 0x7F; // VORBIS_COMMENT no longer flagged last, and nothing follows
        assertEquals(Problem.Kind.TRUNCATED, Flac.read(ByteSource.of(noLast), Limits.DEFAULT).problems().get(0).kind());
    }

    @Test
    void oggCommentHeaderWithFileOffsets() throws Exception {
        byte[] b = Labels.ogg("AIGC", "{\"Label\":\"2\"}");
        Ogg.File f = Ogg.read(ByteSource.of(b), Limits.DEFAULT);
        assertEquals(List.of(), f.problems());
        assertEquals(2, f.pages().size());
        assertEquals(0, f.pages().get(0).offset());
        assertEquals(f.pages().get(0).end(), f.pages().get(1).offset());
        VorbisComments.Comment c = f.comments().get(0);
        assertEquals("AIGC", c.key());
        assertEquals(indexOf(b, "AIGC=") - 4, c.offset());
    }

    @Test
    void oggCommentSpreadOverTwoPages() throws Exception {
        byte[] vendor = utf8("v");
        byte[] item = utf8("AIGC=" + "y".repeat(400));
        byte[] packet = concat(new byte[]{3}, ascii("vorbis"), le32(vendor.length), vendor, le32(1), le32(item.length),
                item, new byte[]{1});
        byte[] id = concat(new byte[]{1}, ascii("vorbis"), new byte[23]);
        byte[] first = Arrays.copyOf(packet, 255);
        byte[] rest = Arrays.copyOfRange(packet, 255, packet.length);
        byte[] b = concat(page(0, new int[]{id.length}, id), page(1, new int[]{255}, first),
                page(2, new int[]{rest.length}, rest));
        Ogg.File f = Ogg.read(ByteSource.of(b), Limits.DEFAULT);
        assertEquals(List.of(), f.problems());
        assertEquals(3, f.pages().size());
        VorbisComments.Comment c = f.comments().get(0);
        assertEquals("y".repeat(400), c.value());
        assertEquals(indexOf(b, "AIGC=") - 4, c.offset());
        int last = packet.length - 1;
        assertEquals(f.pages().get(2).dataOffset() + (last - 255), f.fileOffset(last));
    }

    /** An Ogg page (CRC left zero: the reader does not check it). */
    static byte[] page(int seq, int[] lacing, byte[] data) {
        ByteBuffer h = ByteBuffer.allocate(27 + lacing.length).order(ByteOrder.LITTLE_ENDIAN);
        h.put(ascii("OggS")).put((byte) 0).put((byte) 0).putLong(0).putInt(7).putInt(seq).putInt(0)
                .put((byte) lacing.length);
        for (int l : lacing) {
            h.put((byte) l);
        }
        return concat(h.array(), data);
    }

    @Test
    void oggTruncatedAndNotAPage() throws Exception {
        byte[] b = Labels.ogg("AIGC", "v");
        Ogg.File cut = Ogg.read(ByteSource.of(Arrays.copyOf(b, b.length - 5)), Limits.DEFAULT);
        assertEquals(Problem.Kind.TRUNCATED, cut.problems().get(0).kind());
        assertNull(cut.commentPacket());
        byte[] junk = concat(Arrays.copyOf(b, 58), ascii("not a page at all, really not"));
        assertEquals(Problem.Kind.MALFORMED, Ogg.read(ByteSource.of(junk), Limits.DEFAULT).problems().get(0).kind());
    }
}
