package org.exhibit.io.container;

import org.exhibit.fixtures.JpegBuilder;
import org.exhibit.fixtures.Labels;
import org.exhibit.fixtures.Pictures;
import org.exhibit.io.Limits;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.exhibit.io.container.Build.ascii;
import static org.exhibit.io.container.Build.be16;
import static org.exhibit.io.container.Build.be32;
import static org.exhibit.io.container.Build.concat;
import static org.exhibit.io.container.Build.segment;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JpegTest {

    private static Jpeg.File read(byte[] b) throws Exception {
        return Jpeg.read(ByteSource.of(b), Limits.DEFAULT);
    }

    private static byte[] jpeg() {
        return JpegBuilder.of(Pictures.scene(48, 32, 3)).ascii(0x0131, "tool")
                .segment(0xE1, Labels.jpegXmp(Labels.xmp(null, null))).build();
    }

    /** SOI, the given segments, then SOS and a few bytes of "image data", EOI. */
    private static byte[] withSegments(byte[]... segments) {
        return concat(new byte[]{(byte) 0xFF, (byte) 0xD8}, concat(segments), segment(0xDA, new byte[10]),
                new byte[]{1, 2, 3, (byte) 0xFF, 0, 4}, new byte[]{(byte) 0xFF, (byte) 0xD9});
    }

    @Test
    void segmentsUpToTheScanWithOffsetsIdentifiersAndFrame() throws Exception {
        byte[] b = jpeg();
        Jpeg.File f = read(b);
        assertEquals(List.of(), f.problems());
        assertEquals("SOI", f.segments().get(0).type());
        for (int i = 1; i < f.segments().size(); i++) {
            assertEquals(f.segments().get(i - 1).end(), f.segments().get(i).offset(), "no gap before segment " + i);
        }
        Jpeg.Segment last = f.segments().get(f.segments().size() - 1);
        assertEquals("SOS", last.type());
        assertEquals(f.scanOffset(), last.offset());
        assertEquals((byte) 0xDA, b[(int) f.scanOffset() + 1]);
        assertTrue(f.segments().stream().anyMatch(s -> s.isApp(1) && s.identifier().equals(Jpeg.EXIF_ID)));
        Jpeg.Segment xmp = f.segments().stream().filter(s -> Jpeg.XMP_ID.equals(s.identifier())).findFirst().orElseThrow();
        long[] packet = Jpeg.File.xmpPacket(xmp);
        assertEquals('<', b[(int) packet[0]]);
        assertEquals(xmp.end(), packet[0] + packet[1]);
        assertEquals(new Jpeg.Frame(0xC0, 8, 48, 32, 3), f.frame());
        assertTrue(f.segments().stream().anyMatch(s -> s.type().equals("DQT")));
    }

    @Test
    void fillBytesAndStandaloneMarkersAreSteppedOver() throws Exception {
        byte[] b = withSegments(segment(0xE0, ascii("JFIF\0\1\1")), new byte[]{(byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
                segment(0xFE, ascii("a comment")), new byte[]{(byte) 0xFF, (byte) 0xD0});
        Jpeg.File f = read(b);
        assertEquals(List.of(), f.problems());
        assertEquals(List.of("SOI", "APP0", "COM", "RST0", "SOS"), f.segments().stream().map(Jpeg.Segment::type).toList());
        assertEquals("JFIF", f.segments().get(1).identifier());
        assertEquals(2 + 11 + 3, f.segments().get(2).offset());
        assertEquals(2, f.segments().get(3).length());
    }

    @Test
    void truncatedSegmentAndLengthPastTheEnd() throws Exception {
        byte[] whole = jpeg();
        Jpeg.File cut = read(Arrays.copyOf(whole, 40));
        Jpeg.Segment app1 = cut.segments().get(cut.segments().size() - 1);
        assertTrue(app1.truncated());
        assertEquals(38, app1.length());
        assertEquals(Problem.Kind.TRUNCATED, cut.problems().get(0).kind());
        assertEquals(-1, cut.scanOffset());

        byte[] b = withSegments(segment(0xE1, ascii("Exif\0\0 short")));
        b[4] = (byte) 0xFF; // length 0xFFxx: past the end of this small file
        Jpeg.File f = read(b);
        assertEquals(Problem.Kind.TRUNCATED, f.problems().get(0).kind());
        assertTrue(f.problems().get(0).message().contains("FFE1 at byte 2"), f.problems().get(0).message());

        Jpeg.File noScan = read(concat(new byte[]{(byte) 0xFF, (byte) 0xD8}, segment(0xFE, ascii("x"))));
        assertEquals(Problem.Kind.TRUNCATED, noScan.problems().get(0).kind());
    }

    @Test
    void bytesThatAreNotAMarkerStopTheWalk() throws Exception {
        byte[] b = withSegments(segment(0xFE, ascii("x")), ascii("garbage"));
        Jpeg.File f = read(b);
        assertEquals(Problem.Kind.MALFORMED, f.problems().get(0).kind());
        assertEquals(2 + 5, f.problems().get(0).offset());
    }

    @Test
    void resyncSkipsToTheNextMarkerWhenAsked() throws Exception {
        byte[] b = withSegments(segment(0xFE, ascii("x")), ascii("garbage"), segment(0xE1, ascii("Exif\0\0MM")));
        Jpeg.File f = Jpeg.read(ByteSource.of(b), Limits.DEFAULT, true);
        assertEquals(List.of(Problem.Kind.MALFORMED), f.problems().stream().map(Problem::kind).toList());
        assertEquals(List.of("SOI", "COM", "APP1", "SOS"), f.segments().stream().map(Jpeg.Segment::type).toList());
        assertEquals(2 + 5 + 7, f.segments().get(2).offset());
    }

    @Test
    void jumbfSpreadOverApp11SegmentsIsReassembledInSequenceOrder() throws Exception {
        byte[] box = Build.box("jumb", Build.box("jumd", new byte[17]), new byte[300]);
        byte[] header = Arrays.copyOf(box, 8);
        byte[] p1 = Arrays.copyOfRange(box, 0, 100);
        byte[] p2 = Arrays.copyOfRange(box, 100, 200);
        byte[] p3 = Arrays.copyOfRange(box, 200, box.length);
        byte[] b = withSegments(app11(1, 2, concat(header, p2)), app11(1, 1, p1), app11(1, 3, concat(header, p3)));
        Jpeg.File f = read(b);
        assertEquals(1, f.jumbf().size());
        Jpeg.Jumbf j = f.jumbf().get(0);
        // the segments lie seq 2, 1, 3 in the file (at 2, 122, 234); the box is read in sequence order
        assertEquals(List.of(122L, 2L, 234L), j.segments().stream().map(Jpeg.Segment::offset).toList());
        assertEquals(122, j.offset());
        assertEquals(j.segments().get(2).end() - 122, j.length());
        assertArrayEquals(box, f.bytes(j));
    }

    private static byte[] app11(int instance, int seq, byte[] part) {
        return segment(0xEB, concat(ascii("JP"), be16(instance), be32(seq), part));
    }

    @Test
    void extendedXmpIsReassembledAndItsDeclaredLengthBounded() throws Exception {
        byte[] packet = ascii("<x:xmpmeta>" + "y".repeat(500) + "</x:xmpmeta>");
        String guid = "0123456789ABCDEF0123456789ABCDEF";
        byte[] b = withSegments(ext(guid, packet.length, 300, Arrays.copyOfRange(packet, 300, packet.length)),
                ext(guid, packet.length, 0, Arrays.copyOf(packet, 300)));
        Jpeg.File f = read(b);
        assertEquals(List.of(), f.problems());
        Jpeg.ExtendedXmp x = f.extendedXmp().get(0);
        assertTrue(x.complete());
        assertArrayEquals(packet, f.bytes(x));

        Jpeg.File bomb = read(withSegments(ext(guid, 0x7FFF_FFFFL, 0, packet)));
        assertFalse(bomb.extendedXmp().get(0).complete());
        assertEquals(Problem.Kind.TOO_LARGE, bomb.problems().get(0).kind());
        assertNull(bomb.bytes(bomb.extendedXmp().get(0)));
    }

    private static byte[] ext(String guid, long full, long at, byte[] chunk) {
        return segment(0xE1, concat(ascii(Jpeg.XMP_EXTENSION_ID + "\0"), ascii(guid), be32(full), be32(at), chunk));
    }
}
