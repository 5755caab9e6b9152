package org.exhibit.io.container;

import org.exhibit.fixtures.Labels;
import org.exhibit.io.Limits;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

import static org.exhibit.io.container.Build.ascii;
import static org.exhibit.io.container.Build.be32;
import static org.exhibit.io.container.Build.concat;
import static org.exhibit.io.container.Build.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class Id3v2Test {

    private static Id3v2.File read(byte[] b) throws Exception {
        return Id3v2.read(ByteSource.of(b), Limits.DEFAULT);
    }

    static byte[] syncsafe(long v) {
        return new byte[]{(byte) ((v >> 21) & 0x7F), (byte) ((v >> 14) & 0x7F), (byte) ((v >> 7) & 0x7F), (byte) (v & 0x7F)};
    }

    /** An ID3v2.4 tag with the given frames (each: id, flags, body), sizes syncsafe, then {@code after}. */
    static byte[] v24(List<Object[]> frames, byte[] after) {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        for (Object[] f : frames) {
            byte[] body = (byte[]) f[2];
            t.writeBytes(ascii((String) f[0]));
            t.writeBytes(syncsafe(body.length));
            t.writeBytes(new byte[]{0, (byte) (int) (Integer) f[1]});
            t.writeBytes(body);
        }
        byte[] tag = t.toByteArray();
        return concat(ascii("ID3"), new byte[]{4, 0, 0}, syncsafe(tag.length), tag, after);
    }

    @Test
    void v23TxxxFrameWithItsOffset() throws Exception {
        byte[] b = Labels.mp3("AIGC", "{\"Label\":\"1\"}");
        Id3v2.File f = read(b);
        assertEquals(List.of(), f.problems());
        assertEquals(3, f.version());
        Id3v2.Frame txxx = f.frames().get(0);
        assertEquals("TXXX", txxx.id());
        assertEquals(10, txxx.offset());
        assertEquals(10 + 1 + 5 + 13, txxx.length());
        assertEquals(new Id3v2.Txxx("AIGC", "{\"Label\":\"1\"}"), f.txxx(txxx));
    }

    @Test
    void v24SyncsafeSizesGeobAndCompression() throws Exception {
        byte[] big = utf8("x".repeat(300)); // 300 = 0x12C: syncsafe 00 00 02 2C, plain 00 00 01 2C
        byte[] geob = concat(new byte[]{3}, ascii("application/json\0"), utf8("label.json\0"), utf8("desc\0"), utf8("{}"));
        byte[] inner = concat(new byte[]{3}, utf8("k\0"), utf8("v".repeat(1000)));
        byte[] compressed = concat(be32(inner.length), Build.zlib(inner)); // data length indicator, then zlib
        byte[] b = v24(List.of(new Object[]{"TIT2", 0, concat(new byte[]{3}, big)}, new Object[]{"GEOB", 0, geob},
                new Object[]{"TXXX", 0x09, compressed}), Labels.mpegFrames(1));
        Id3v2.File f = read(b);
        assertEquals(List.of(), f.problems());
        assertEquals(List.of("TIT2", "GEOB", "TXXX"), f.frames().stream().map(Id3v2.Frame::id).toList());
        assertEquals(301, f.frames().get(0).dataLength());
        assertEquals(f.frames().get(0).end(), f.frames().get(1).offset());
        Id3v2.Geob g = f.geob(f.frames().get(1));
        assertEquals("application/json", g.mimeType());
        assertEquals("label.json", g.fileName());
        assertEquals("desc", g.description());
        assertArrayEquals(utf8("{}"), g.object());
        assertEquals('{', b[(int) g.objectOffset()]);
        assertEquals(new Id3v2.Txxx("k", "v".repeat(1000)), f.txxx(f.frames().get(2)));
    }

    @Test
    void compressedFrameBombIsBounded() throws Exception {
        byte[] z = concat(be32(0), Build.zerosDeflated(64));
        Id3v2.File f = Id3v2.read(ByteSource.of(v24(List.<Object[]>of(new Object[]{"TXXX", 0x09, z}), new byte[0])),
                Limits.DEFAULT.withMaxInflatedBytes(1 << 20));
        assertNull(f.txxx(f.frames().get(0)));
        assertEquals(Problem.Kind.BOMB, f.problems().get(0).kind());
    }

    @Test
    void framePastTheTagAndTagPastTheFile() throws Exception {
        byte[] b = Labels.mp3("AIGC", "value");
        byte[] bad = b.clone();
        System.arraycopy(be32(5000), 0, bad, 14, 4); // TXXX size past the tag's end
        Id3v2.File f = read(bad);
        assertEquals(Problem.Kind.OUT_OF_BOUNDS, f.problems().get(0).kind());
        Id3v2.File cut = read(Arrays.copyOf(b, 20));
        assertEquals(Problem.Kind.TRUNCATED, cut.problems().get(0).kind());
        Id3v2.File none = read(Labels.mpegFrames(2));
        assertEquals(0, none.version());
        assertEquals(List.of(), none.problems());
    }

    @Test
    void v22ThreeCharacterFrames() throws Exception {
        byte[] frame = concat(ascii("TXX"), new byte[]{0, 0, 6}, new byte[]{0}, ascii("d\0val"));
        byte[] b = concat(ascii("ID3"), new byte[]{2, 0, 0}, syncsafe(frame.length), frame);
        Id3v2.File f = read(b);
        assertEquals(6, f.frames().get(0).headerLength());
        assertEquals(new Id3v2.Txxx("d", "val"), f.txxx(f.frames().get(0)));
    }
}
