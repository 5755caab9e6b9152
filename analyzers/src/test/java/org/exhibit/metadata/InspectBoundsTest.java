package org.exhibit.metadata;

import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Verdict;
import org.exhibit.fixtures.JpegBuilder;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.exhibit.io.Inputs;
import org.exhibit.io.Limits;
import org.exhibit.io.container.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `inspect` keeps the container layer's bounds: bombs and lying length fields are listed problems, not OOMs. */
class InspectBoundsTest {

    @TempDir
    Path dir;

    /** 1 MiB of zeros deflated with a full flush: the same bytes every time, so they can be repeated. */
    private static byte[][] zeroBlocks() {
        Deflater d = new Deflater(9);
        byte[] zeros = new byte[1 << 20];
        byte[] first = flush(d, zeros);
        byte[] next = flush(d, zeros);
        assertArrayEquals(next, flush(d, zeros), "a full flush resets the compressor: the blocks repeat");
        d.end();
        return new byte[][]{first, next};
    }

    private static byte[] flush(Deflater d, byte[] input) {
        d.setInput(input);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        int n;
        do {
            n = d.deflate(buf, 0, buf.length, Deflater.FULL_FLUSH);
            o.write(buf, 0, n);
        } while (n == buf.length || !d.needsInput());
        return o.toByteArray();
    }

    /**
     * A PNG whose zTXt chunk inflates to {@code mib} MiB of zeros, written as it is generated: the compressed
     * stream (about 1 kB per MiB) is never held whole, the zeros never exist.
     */
    private Path zTxtBomb(int mib) throws IOException {
        byte[][] z = zeroBlocks();
        long n = (long) mib << 20;
        byte[] tail = {3, 0, 0, 0, 0, 0}; // final empty fixed block, then Adler-32 of n zeros: a = 1, b = n mod 65521
        long adler = (n % 65521) << 16 | 1;
        tail[2] = (byte) (adler >>> 24);
        tail[3] = (byte) (adler >>> 16);
        tail[4] = (byte) (adler >>> 8);
        tail[5] = (byte) adler;
        byte[] keyword = "Comment\0\0".getBytes(StandardCharsets.ISO_8859_1);
        long length = keyword.length + z[0].length + (long) (mib - 1) * z[1].length + tail.length;
        byte[] png = PngBuilder.rgb(Pictures.scene(32, 32, 1)).text("Software", "exhibit").build();
        Path file = dir.resolve("bomb.png");
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file))) {
            o.write(png, 0, png.length - 12); // everything before IEND
            CRC32 crc = new CRC32();
            o.write(new byte[]{(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
            write(o, crc, "zTXt".getBytes(StandardCharsets.ISO_8859_1));
            write(o, crc, keyword);
            write(o, crc, z[0]);
            for (int i = 1; i < mib; i++) {
                write(o, crc, z[1]);
            }
            write(o, crc, tail);
            long c = crc.getValue();
            o.write(new byte[]{(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
            o.write(png, png.length - 12, 12);
        }
        return file;
    }

    private static void write(OutputStream o, CRC32 crc, byte[] b) throws IOException {
        o.write(b);
        crc.update(b);
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private Finding inspect(Path file) throws Exception {
        Exhibit e = Inputs.open(file, "input", Limits.DEFAULT);
        return MetadataInspector.inspect(e, file, Limits.DEFAULT);
    }

    @SuppressWarnings("unchecked")
    private static List<Problem> problems(Finding f) {
        return (List<Problem>) f.data().getOrDefault("containerProblems", List.of());
    }

    @Test
    void oneGibibyteZTxtBombIsAProblemInBoundedTimeAndMemory() throws Exception {
        Path bomb = zTxtBomb(1024);
        assertTrue(Files.size(bomb) < 4 << 20, "the file is small: " + Files.size(bomb));
        long t0 = System.nanoTime();
        long a0 = allocatedBytes();
        Finding f = inspect(bomb);
        long allocated = allocatedBytes() - a0;
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 30, seconds + " s");
        assertTrue(allocated < 512L << 20, "allocated " + (allocated >> 20) + " MiB while reading a 1 GiB bomb");
        Problem p = problems(f).get(0);
        assertEquals(Problem.Kind.BOMB, p.kind());
        assertEquals(Verdict.INCONCLUSIVE, f.verdict());
        Inventory inv = (Inventory) f.data().get("inventory");
        assertEquals("exhibit", inv.value("PNG-tEXt", "Textual Data").replace("Software: ", ""),
                "the rest of the file is still read by metadata-extractor");
        assertTrue(inv.items().stream().anyMatch(i -> i.group().equals("PNG container") && i.tag().equals("bomb")),
                inv.items().toString());
        assertEquals(32, inv.width());
    }

    @Test
    void lengthFieldPastTheEndIsATruncationNotAnAllocation() throws Exception {
        byte[] b = PngBuilder.rgb(Pictures.scene(16, 16, 1)).text("Software", "x").build();
        System.arraycopy(new byte[]{0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0}, 0, b, 33, 4);
        Path png = dir.resolve("liar.png");
        Files.write(png, b);
        long a0 = allocatedBytes();
        Finding f = inspect(png);
        assertTrue(allocatedBytes() - a0 < 256L << 20);
        assertEquals(Problem.Kind.TRUNCATED, problems(f).get(0).kind());
        assertEquals(16, ((Inventory) f.data().get("inventory")).width());
    }

    @Test
    void extendedXmpThatClaimsTwoGigabytesIsNotHandedToTheReader() throws Exception {
        byte[] ext = concat("http://ns.adobe.com/xmp/extension/\0".getBytes(StandardCharsets.ISO_8859_1),
                "0123456789ABCDEF0123456789ABCDEF".getBytes(StandardCharsets.ISO_8859_1),
                new byte[]{0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, new byte[4], "<x:xmpmeta/>".getBytes(StandardCharsets.UTF_8));
        Path jpg = dir.resolve("ext.jpg");
        Files.write(jpg, JpegBuilder.of(Pictures.scene(32, 32, 2)).ascii(0x0131, "cam").segment(0xE1, ext).build());
        long a0 = allocatedBytes();
        Finding f = inspect(jpg);
        assertTrue(allocatedBytes() - a0 < 256L << 20);
        assertEquals(Problem.Kind.TOO_LARGE, problems(f).get(0).kind());
        assertEquals("cam", ((Inventory) f.data().get("inventory")).value("Exif IFD0", "Software"));
    }

    @Test
    void aTruncatedJpegIsListedAsFarAsItGoes() throws Exception {
        byte[] whole = JpegBuilder.of(Pictures.scene(32, 32, 2)).ascii(0x0131, "cam").build();
        int sos = 0;
        for (int i = 2; i + 1 < whole.length; i++) {
            if ((whole[i] & 0xFF) == 0xFF && (whole[i + 1] & 0xFF) == 0xDA) {
                sos = i;
                break;
            }
        }
        Path jpg = dir.resolve("cut.jpg");
        Files.write(jpg, Arrays.copyOf(whole, sos - 3));
        Finding f = inspect(jpg);
        assertEquals(Problem.Kind.TRUNCATED, problems(f).get(0).kind());
        assertEquals("cam", ((Inventory) f.data().get("inventory")).value("Exif IFD0", "Software"));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }
}
