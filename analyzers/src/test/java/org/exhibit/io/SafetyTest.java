package org.exhibit.io;

import org.exhibit.evidence.Exhibit;
import org.exhibit.fixtures.JpegBuilder;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.exhibit.metadata.MetadataInspector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafetyTest {

    @TempDir
    Path dir;

    @Test
    void zlibBombStopsAtTheLimit() throws Exception {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(compressed, new Deflater(9))) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 100; i++) {
                z.write(zeros); // 100 MB of zeros in about 100 kB
            }
        }
        IOException e = assertThrows(IOException.class, () -> BoundedInflater.zlib(compressed.toByteArray(), 16 << 20));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
        assertEquals(1 << 20, BoundedInflater.zlib(compressed.toByteArray(), 200L << 20).length / 100);
    }

    @Test
    void truncatedZlibIsAnErrorNotAHang() {
        byte[] ok = new byte[]{0x78, (byte) 0x9c, 0x4b, 0x4c, 0x4a};
        assertThrows(IOException.class, () -> BoundedInflater.zlib(ok, 1000));
    }

    @Test
    void zipEntryEscapingTheTargetIsRefusedAndNothingIsWrittenOutside() throws Exception {
        Path zip = dir.resolve("evil.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("ok.txt"));
            z.write("fine".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("../../escaped.txt"));
            z.write("bad".getBytes(StandardCharsets.UTF_8));
        }
        Path target = dir.resolve("a/b/out");
        InputException e = assertThrows(InputException.class, () -> SafeZip.extract(zip, target, Limits.DEFAULT));
        assertTrue(e.getMessage().contains("path traversal"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("a/escaped.txt")));
        assertFalse(Files.exists(dir.resolve("escaped.txt")));
    }

    @Test
    void zipBombIsRefused() throws Exception {
        Path zip = dir.resolve("bomb.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("zeros"));
            z.write(new byte[4 << 20]);
        }
        Limits tight = new Limits(1L << 30, 1000, 1 << 20, 10);
        InputException e = assertThrows(InputException.class, () -> SafeZip.extract(zip, dir.resolve("x"), tight));
        assertTrue(e.getMessage().contains("zip bomb"), e.getMessage());
    }

    private String inspectXmp(String name, String doctype, String value) throws Exception {
        String xmp = "<?xml version=\"1.0\"?>" + doctype
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmp:CreatorTool=\"VISIBLE-TOOL\">"
                + "<dc:format>" + value + "</dc:format></rdf:Description></rdf:RDF></x:xmpmeta>";
        byte[] itxt = ("XML:com.adobe.xmp\0\0\0\0\0" + xmp).getBytes(StandardCharsets.UTF_8);
        Path png = dir.resolve(name);
        Files.write(png, PngBuilder.rgb(Pictures.scene(16, 16, 1)).chunk("iTXt", itxt).build());
        Exhibit ex = Inputs.open(png, "input", Limits.DEFAULT);
        return String.valueOf(MetadataInspector.inspect(ex, png, Limits.DEFAULT).data());
    }

    @Test
    void xmpPropertiesAreListed() throws Exception {
        String all = inspectXmp("plain.png", "", "image/png");
        assertTrue(all.contains("tag=xmp:CreatorTool, value=VISIBLE-TOOL"), all);
    }

    @Test
    void xmpExternalEntityIsNotResolved() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String all = inspectXmp("xxe.png", "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>", "&xxe;");
        assertFalse(all.contains("TOP-SECRET-CONTENT"), all);
        assertTrue(all.contains("group=XMP, tag=reader error"), "a packet with a DTD is refused, and says so: " + all);
    }

    @Test
    void inspectionLeavesTheFileByteForByte() throws Exception {
        Path jpg = dir.resolve("a.jpg");
        byte[] bytes = JpegBuilder.of(Pictures.scene(64, 64, 5)).ascii(0x0131, "x").build();
        Files.write(jpg, bytes);
        var before = Files.getLastModifiedTime(jpg);
        Exhibit ex = Inputs.open(jpg, "input", Limits.DEFAULT);
        MetadataInspector.inspect(ex, jpg, Limits.DEFAULT);
        Images.read(jpg, Limits.DEFAULT);
        assertArrayEquals(bytes, Files.readAllBytes(jpg));
        assertEquals(before, Files.getLastModifiedTime(jpg));
    }

    @Test
    void pixelLimitIsConfigurable() throws Exception {
        Path png = dir.resolve("b.png");
        Files.write(png, PngBuilder.rgb(Pictures.scene(100, 100, 6)).build());
        assertEquals(100, Images.read(png, Limits.DEFAULT).getWidth());
        InputException e = assertThrows(InputException.class, () -> Images.read(png, Limits.DEFAULT.withMaxPixels(9_999)));
        assertTrue(e.getMessage().contains("100x100"), e.getMessage());
    }
}
