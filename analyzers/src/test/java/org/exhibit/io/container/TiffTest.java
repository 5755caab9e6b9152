package org.exhibit.io.container;

import org.exhibit.io.Limits;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TiffTest {

    static final int BASE = 50;

    /** A TIFF block at file offset {@link #BASE}: IFD0 → Exif, GPS; IFD1 in the chain; values at fixed offsets. */
    static byte[] tiff(ByteOrder order, int ifd1Next, int exifAt, int descriptionAt, int ifd0Count) {
        ByteBuffer t = ByteBuffer.allocate(640).order(order);
        t.put(order == ByteOrder.LITTLE_ENDIAN ? new byte[]{'I', 'I'} : new byte[]{'M', 'M'}).putShort((short) 42).putInt(8);
        t.position(8).putShort((short) ifd0Count);
        entry(t, 0x010E, 2, 6, descriptionAt);
        entry(t, 0x8769, 4, 1, exifAt);
        entry(t, 0x8825, 4, 1, 300);
        t.putInt(400);
        t.position(200).putShort((short) 2);
        entry(t, 0x9286, 7, 12, 500);
        entry(t, 0x9003, 2, 20, 600);
        t.putInt(0);
        t.position(300).putShort((short) 1);
        t.putShort((short) 0).putShort((short) 1).putInt(4).put(new byte[]{2, 3, 0, 0});
        t.putInt(0);
        t.position(400).putShort((short) 1);
        t.putShort((short) 0x0131).putShort((short) 2).putInt(3).put(new byte[]{'a', 'b', 0, 0});
        t.putInt(ifd1Next);
        t.position(100).put("hello\0".getBytes(StandardCharsets.US_ASCII));
        t.position(500).put("UNICODE\0".getBytes(StandardCharsets.US_ASCII)).put("hi".getBytes(StandardCharsets.UTF_16BE));
        t.position(600).put("2024:01:02 03:04:05\0".getBytes(StandardCharsets.US_ASCII));
        byte[] out = new byte[BASE + 640];
        System.arraycopy(t.array(), 0, out, BASE, 640);
        return out;
    }

    private static void entry(ByteBuffer t, int tag, int type, int count, int value) {
        t.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    private static Tiff.File read(byte[] b) throws Exception {
        return Tiff.read(ByteSource.of(b), BASE, 640, Limits.DEFAULT, "test block");
    }

    @Test
    void bothByteOrdersWithSubIfdsAndTheChain() throws Exception {
        for (ByteOrder order : new ByteOrder[]{ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            byte[] b = tiff(order, 0, 200, 100, 3);
            Tiff.File f = read(b);
            assertEquals(List.of(), f.problems(), order.toString());
            assertEquals(order == ByteOrder.LITTLE_ENDIAN, f.littleEndian());
            assertEquals(List.of("IFD0", "IFD0/Exif", "IFD0/GPS", "IFD1"), f.ifds().stream().map(Tiff.Ifd::name).toList());
            Tiff.Entry desc = f.entries("IFD0").get(0);
            assertEquals(Tiff.IMAGE_DESCRIPTION, desc.tag());
            assertEquals(BASE + 10, desc.offset());
            assertEquals(BASE + 100, desc.valueOffset());
            assertEquals("hello", f.ascii(desc));
            Tiff.Entry uc = f.entries("IFD0/Exif").get(0);
            assertEquals("IFD0/Exif:37510", uc.path());
            assertEquals("hi", UserComment.decode(f.value(uc)));
            assertEquals("UTF-16BE", UserComment.encoding(f.value(uc)));
            assertEquals("2024:01:02 03:04:05", f.ascii(f.entries("IFD0/Exif").get(1)));
            Tiff.Entry gps = f.entries("IFD0/GPS").get(0);
            assertEquals(gps.offset() + 8, gps.valueOffset(), "four bytes or fewer sit in the entry");
            assertArrayEquals(new byte[]{2, 3, 0, 0}, f.value(gps));
            assertEquals("ab", f.ascii(f.entries("IFD1").get(0)));
        }
    }

    @Test
    void ifdLoopsAreDetected() throws Exception {
        Tiff.File chain = read(tiff(ByteOrder.BIG_ENDIAN, 8, 200, 100, 3)); // IFD1's next points back at IFD0
        assertEquals(List.of(Problem.Kind.LOOP), chain.problems().stream().map(Problem::kind).toList());
        assertEquals("IFD2", chain.problems().get(0).scope());
        Tiff.File sub = read(tiff(ByteOrder.LITTLE_ENDIAN, 0, 8, 100, 3)); // the Exif pointer names IFD0
        assertEquals(Problem.Kind.LOOP, sub.problems().get(0).kind());
        assertEquals("IFD0/Exif", sub.problems().get(0).scope());
        assertEquals(List.of("IFD0", "IFD0/GPS", "IFD1"), sub.ifds().stream().map(Tiff.Ifd::name).toList());
    }

    @Test
    void offsetsOutsideTheBlockAreProblemsAndTheRestIsRead() throws Exception {
        Tiff.File f = read(tiff(ByteOrder.LITTLE_ENDIAN, 0, 10_000, 638, 3));
        assertEquals(List.of(Problem.Kind.OUT_OF_BOUNDS, Problem.Kind.OUT_OF_BOUNDS),
                f.problems().stream().map(Problem::kind).toList());
        assertEquals("IFD0:270", f.problems().get(0).scope());
        assertEquals("IFD0/Exif", f.problems().get(1).scope());
        Tiff.Entry desc = f.entries("IFD0").get(0);
        assertFalse(desc.inRange());
        assertNull(f.value(desc));
        assertTrue(f.ifds().stream().anyMatch(i -> i.name().equals("IFD1")));
    }

    @Test
    void anIfdThatListsMoreEntriesThanFitIsTruncated() throws Exception {
        byte[] b = tiff(ByteOrder.BIG_ENDIAN, 0, 200, 100, 3);
        Tiff.File f = Tiff.read(ByteSource.of(b), BASE, 8 + 2 + 12 * 2 + 5, Limits.DEFAULT, "test block");
        assertTrue(f.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.TRUNCATED && p.scope().equals("IFD0")),
                f.problems().toString());
        assertEquals(2, f.entries("IFD0").size());

        Tiff.File many = read(tiff(ByteOrder.BIG_ENDIAN, 0, 200, 100, 60000));
        assertTrue(many.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.TRUNCATED), many.problems().toString());
        assertEquals(52, many.entries("IFD0").size());
    }

    @Test
    void headerProblems() throws Exception {
        byte[] b = new byte[BASE + 8];
        assertEquals(Problem.Kind.MALFORMED, Tiff.read(ByteSource.of(b), BASE, 8, Limits.DEFAULT, "x").problems().get(0).kind());
        assertEquals(Problem.Kind.MALFORMED, Tiff.read(ByteSource.of(b), BASE, 4, Limits.DEFAULT, "x").problems().get(0).kind());
        assertTrue(Tiff.READER.accepts(new byte[]{'M', 'M', 0, 42}));
    }

    @Test
    void userCommentByteOrderIsDetected() {
        byte[] le = Build.concat("UNICODE\0".getBytes(StandardCharsets.US_ASCII), "Steps: 20".getBytes(StandardCharsets.UTF_16LE));
        assertEquals("Steps: 20", UserComment.decode(le));
        assertEquals("UTF-16LE", UserComment.encoding(le));
        assertEquals("UTF-8", UserComment.encoding("ASCII\0\0\0abc".getBytes(StandardCharsets.US_ASCII)));
    }
}
