package org.exhibit.label;

import org.exhibit.io.container.Gif;
import org.exhibit.io.container.Jpeg;
import org.exhibit.io.container.Png;
import org.exhibit.io.container.Reading;
import org.exhibit.io.container.Riff;
import org.exhibit.io.container.Text;
import org.exhibit.io.container.Tiff;
import org.exhibit.io.container.UserComment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which items of an image container can carry a label, structure by structure: PNG text chunks, eXIf and caBX;
 * JPEG APP1 EXIF and XMP, APP11 JUMBF; WebP XMP, EXIF and C2PA chunks; GIF XMP and comment extensions; TIFF tags.
 * The containers are walked by {@code org.exhibit.io.container}; this class only picks and places.
 */
final class ImageLabels {

    /** The IFDs whose ImageDescription, XMP and UserComment may carry a label. */
    private static final Set<String> LABEL_IFDS = Set.of("IFD0", "IFD1", "IFD0/Exif", "IFD1/Exif");
    private static final Set<Integer> LABEL_TAGS = Set.of(Tiff.IMAGE_DESCRIPTION, Tiff.XMP, Tiff.USER_COMMENT);

    private ImageLabels() {
    }

    static void png(Png.File f, CarrierScan scan) throws IOException {
        scan.searched.add("PNG tEXt/zTXt/iTXt AIGC, iTXt XML:com.adobe.xmp, eXIf, caBX");
        Map<Long, Png.Text> texts = new HashMap<>();
        f.texts().forEach(t -> texts.put(t.chunk().offset(), t));
        for (Png.Chunk c : f.chunks()) {
            if (c.truncated()) {
                continue;
            }
            Located where = new Located("PNG " + c.type(), null, c.offset(), c.length());
            switch (c.type()) {
                case "tEXt", "zTXt", "iTXt" -> {
                    Png.Text t = texts.get(c.offset());
                    if (t == null) {
                        continue;
                    }
                    Located at = where.narrow(t.keyword(), c.offset(), c.length());
                    if (c.type().equals("iTXt") && t.keyword().equals("XML:com.adobe.xmp")) {
                        scan.xmp.add(new CarrierScan.XmpPacket(at, t.bytes(), t.textOffset()));
                    } else if (t.keyword().equals("AIGC") || Texts.holdsAigcObject(t.text())) {
                        scan.labels.add(new CarrierScan.LabelText(at, t.text()));
                    }
                }
                case "eXIf" -> exif(f, c.dataOffset(), c.dataLength(), "PNG eXIf", scan);
                case "caBX" -> {
                    byte[] store = f.data(c);
                    if (store != null) {
                        scan.c2pa.add(new CarrierScan.C2paStore(where, store));
                    }
                }
                default -> {
                }
            }
        }
        Carriers.problems(f, scan, p -> true);
    }

    /** EXIF (TIFF structure) at {@code offset}: ImageDescription and UserComment that hold an AIGC object, XMP. */
    static void exif(Reading parent, long offset, long length, String carrier, CarrierScan scan) throws IOException {
        tags(Tiff.exif(parent, offset, length, carrier), carrier, scan);
    }

    static void tags(Tiff.File t, String carrier, CarrierScan scan) throws IOException {
        for (Tiff.Entry e : t.items()) {
            if (!LABEL_IFDS.contains(e.ifd()) || !LABEL_TAGS.contains(e.tag()) || !e.inRange()) {
                continue;
            }
            byte[] v = t.value(e);
            if (v == null) {
                continue;
            }
            Located where = new Located(carrier, null, e.valueOffset(), v.length);
            switch (e.tag()) {
                case Tiff.IMAGE_DESCRIPTION -> {
                    String s = Text.trimNul(Text.decode(v));
                    if (Texts.holdsAigcObject(s)) {
                        scan.labels.add(new CarrierScan.LabelText(where.narrow("ImageDescription", e.valueOffset(),
                                v.length), s));
                    }
                }
                case Tiff.USER_COMMENT -> {
                    String s = UserComment.decode(v);
                    if (Texts.holdsAigcObject(s)) {
                        scan.labels.add(new CarrierScan.LabelText(where.narrow("UserComment", e.valueOffset(),
                                v.length), s));
                    }
                }
                default -> scan.xmp.add(new CarrierScan.XmpPacket(where.narrow("XMP (tag 700)", e.valueOffset(),
                        v.length), v, e.valueOffset()));
            }
        }
        Carriers.problems(t, scan, p -> {
            String s = p.scope();
            int colon = s.indexOf(':');
            return s.equals("header") || LABEL_IFDS.contains(s) || colon > 0 && LABEL_IFDS.contains(s.substring(0, colon))
                    && LABEL_TAGS.contains(Integer.valueOf(s.substring(colon + 1)));
        });
    }

    static void jpeg(Jpeg.File f, CarrierScan scan) throws IOException {
        scan.searched.add("JPEG APP1 EXIF (ImageDescription, UserComment), APP1 XMP, APP11 JUMBF (C2PA)");
        for (Jpeg.Segment s : f.segments()) {
            if (s.truncated() || !s.isApp(1)) {
                continue;
            }
            if (Jpeg.EXIF_ID.equals(s.identifier())) {
                long[] block = Jpeg.File.exifBlock(s);
                exif(f, block[0], block[1], "JPEG APP1 EXIF", scan);
            } else if (Jpeg.XMP_ID.equals(s.identifier())) {
                long[] packet = Jpeg.File.xmpPacket(s);
                byte[] bytes = f.data(packet[0], packet[1], "APP1 XMP");
                if (bytes != null) {
                    scan.xmp.add(new CarrierScan.XmpPacket(new Located("JPEG APP1 XMP", null, s.offset(), s.length()),
                            bytes, packet[0]));
                }
            }
        }
        for (Jpeg.Jumbf j : f.jumbf()) {
            byte[] store = f.bytes(j);
            if (store != null) {
                scan.c2pa.add(new CarrierScan.C2paStore(new Located("JPEG APP11 JUMBF", "c2pa", j.offset(), j.length()),
                        store));
            }
        }
        Carriers.problems(f, scan, p -> !p.scope().contains("extended XMP"));
    }

    static void webp(Riff.File f, CarrierScan scan) throws IOException {
        scan.searched.add("WebP XMP, EXIF and C2PA chunks");
        for (Riff.Chunk c : f.chunks()) {
            if (c.truncated()) {
                continue;
            }
            Located where = new Located("WebP " + c.id().trim(), null, c.offset(), c.length());
            switch (c.id()) {
                case "XMP " -> {
                    byte[] packet = f.data(c);
                    if (packet != null) {
                        scan.xmp.add(new CarrierScan.XmpPacket(where, packet, c.dataOffset()));
                    }
                }
                case "EXIF" -> exif(f, c.dataOffset(), c.dataLength(), "WebP EXIF", scan);
                case "C2PA" -> {
                    byte[] store = f.data(c);
                    if (store != null) {
                        scan.c2pa.add(new CarrierScan.C2paStore(where, store));
                    }
                }
                default -> {
                }
            }
        }
        Carriers.problems(f, scan, p -> true);
    }

    static void tiff(Tiff.File t, CarrierScan scan) throws IOException {
        scan.searched.add("TIFF ImageDescription, XMP (tag 700), Exif UserComment");
        tags(t, "TIFF", scan);
    }

    static void gif(Gif.File f, CarrierScan scan) throws IOException {
        scan.searched.add("GIF XMP application extension, comment extensions");
        for (Gif.Block b : f.blocks()) {
            if (!b.type().equals("extension")) {
                continue;
            }
            if (b.label() == 0xFF && "XMP DataXMP".equals(b.application())) { // a whole packet counts even when cut after it
                byte[] packet = f.xmpPacket(b);
                if (packet != null) {
                    scan.xmp.add(new CarrierScan.XmpPacket(new Located("GIF XMP application extension", null,
                            b.offset(), b.length()), packet, b.dataOffset()));
                }
            } else if (b.label() == 0xFE && !b.truncated()) {
                byte[] joined = f.subBlocks(b);
                String text = joined == null ? "" : new String(joined, StandardCharsets.UTF_8);
                if (Texts.holdsAigcObject(text)) {
                    scan.labels.add(new CarrierScan.LabelText(new Located("GIF comment extension", null, b.offset(),
                            b.length()), text));
                }
            }
        }
        Carriers.problems(f, scan, p -> true);
    }
}
