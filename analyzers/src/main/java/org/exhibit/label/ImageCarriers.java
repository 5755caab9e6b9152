package org.exhibit.label;

import org.exhibit.io.BoundedInflater;
import org.exhibit.io.Limits;
import org.exhibit.io.container.UserComment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds label carriers in image containers, structure by structure: PNG chunks, JPEG segments, WebP (RIFF)
 * chunks, GIF extension blocks, TIFF tags. Nothing is decoded beyond what the structure needs.
 */
final class ImageCarriers {

    static final String XMP_JPEG = "http://ns.adobe.com/xap/1.0/\0";

    private ImageCarriers() {
    }

    static void png(Source src, Limits limits, CarrierScan scan) throws IOException {
        scan.searched.add("PNG tEXt/zTXt/iTXt AIGC, iTXt XML:com.adobe.xmp, eXIf, caBX");
        long p = 8;
        while (p + 12 <= src.size()) {
            byte[] head = src.read(p, 8);
            long n = Bin.be32(head, 0);
            String type = Bin.ascii(head, 4, 4);
            if (p + 12 + n > src.size()) {
                scan.problems.add("PNG chunk " + type + " at byte " + p + " runs past the end of the file");
                return;
            }
            Located where = new Located("PNG " + type, null, p, 12 + n);
            switch (type) {
                case "tEXt", "zTXt", "iTXt" -> pngText(src.read(p + 8, n), type, where, limits, scan);
                case "eXIf" -> exif(src, p + 8, n, "PNG eXIf", scan);
                case "caBX" -> scan.c2pa.add(new CarrierScan.C2paStore(where, src.read(p + 8, n)));
                case "IEND" -> {
                    return;
                }
                default -> {
                }
            }
            p += 12 + n;
        }
    }

    private static void pngText(byte[] d, String type, Located where, Limits limits, CarrierScan scan)
            throws IOException {
        int nul = 0;
        while (nul < d.length && d[nul] != 0) {
            nul++;
        }
        if (nul == d.length) {
            scan.problems.add(where + ": text chunk without a keyword terminator");
            return;
        }
        String keyword = Bin.ascii(d, 0, nul);
        String text;
        if (type.equals("tEXt")) {
            text = Texts.latin1OrUtf8(d, nul + 1, d.length - nul - 1);
        } else if (type.equals("zTXt")) {
            byte[] raw = BoundedInflater.zlib(java.util.Arrays.copyOfRange(d, nul + 2, d.length), limits.maxInflatedBytes());
            text = Texts.latin1OrUtf8(raw, 0, raw.length);
        } else {
            int compressed = d[nul + 1];
            int p = nul + 3;
            for (int k = 0; k < 2; k++) { // language tag, translated keyword
                while (p < d.length && d[p] != 0) {
                    p++;
                }
                p++;
            }
            if (p > d.length) {
                scan.problems.add(where + ": iTXt header runs past the chunk");
                return;
            }
            byte[] body = java.util.Arrays.copyOfRange(d, p, d.length);
            if (compressed == 1) {
                body = BoundedInflater.zlib(body, limits.maxInflatedBytes());
            }
            if (keyword.equals("XML:com.adobe.xmp")) {
                long at = compressed == 1 ? -1 : where.offset() + 8 + p;
                scan.xmp.add(new CarrierScan.XmpPacket(where.narrow(keyword, where.offset(), where.length()), body, at));
                return;
            }
            text = new String(body, StandardCharsets.UTF_8);
        }
        if (keyword.equals("AIGC") || Texts.holdsAigcObject(text)) {
            scan.labels.add(new CarrierScan.LabelText(where.narrow(keyword, where.offset(), where.length()), text));
        }
    }

    /** EXIF (TIFF structure) at {@code offset}: ImageDescription and UserComment that hold an AIGC object. */
    static void exif(Source src, long offset, long length, String carrier, CarrierScan scan) throws IOException {
        byte[] head = src.readUpTo(offset, 6);
        if (Bin.startsWith(head, 0, "Exif\0\0")) { // some writers keep the JPEG prefix inside WebP/PNG
            offset += 6;
            length -= 6;
        }
        List<TiffTags.Entry> tags;
        try {
            tags = TiffTags.read(src, offset, length);
        } catch (IOException e) {
            scan.problems.add(carrier + " at byte " + offset + ": " + e.getMessage());
            return;
        }
        for (TiffTags.Entry e : tags) {
            Located where = new Located(carrier, null, e.offset(), e.value().length);
            switch (e.tag()) {
                case TiffTags.IMAGE_DESCRIPTION -> {
                    String s = Texts.trimNul(Texts.latin1OrUtf8(e.value(), 0, e.value().length));
                    if (Texts.holdsAigcObject(s)) {
                        scan.labels.add(new CarrierScan.LabelText(where.narrow("ImageDescription", e.offset(), e.value().length), s));
                    }
                }
                case TiffTags.USER_COMMENT -> {
                    String s = UserComment.decode(e.value());
                    if (Texts.holdsAigcObject(s)) {
                        scan.labels.add(new CarrierScan.LabelText(where.narrow("UserComment", e.offset(), e.value().length), s));
                    }
                }
                case TiffTags.XMP -> scan.xmp.add(new CarrierScan.XmpPacket(where.narrow("XMP (tag 700)", e.offset(),
                        e.value().length), e.value(), e.offset()));
                default -> {
                }
            }
        }
    }

    static void jpeg(Source src, CarrierScan scan) throws IOException {
        scan.searched.add("JPEG APP1 EXIF (ImageDescription, UserComment), APP1 XMP, APP11 JUMBF (C2PA)");
        Map<Integer, List<long[]>> jumbf = new TreeMap<>(); // box instance -> [offset, length, seq] of segments
        long p = 2;
        while (p + 4 <= src.size()) {
            byte[] m = src.read(p, 4);
            if ((m[0] & 0xFF) != 0xFF) {
                scan.problems.add("JPEG marker expected at byte " + p);
                break;
            }
            int marker = m[1] & 0xFF;
            if (marker == 0xFF) {
                p++;
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                break; // end of image, or start of scan: metadata segments precede the scan
            }
            if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                p += 2;
                continue;
            }
            int len = Bin.be16(m, 2);
            if (len < 2 || p + 2 + len > src.size()) {
                scan.problems.add("JPEG segment at byte " + p + " runs past the end of the file");
                break;
            }
            long data = p + 4;
            int n = len - 2;
            if (marker == 0xE1) {
                byte[] head = src.readUpTo(data, XMP_JPEG.length());
                if (Bin.startsWith(head, 0, "Exif\0\0")) {
                    exif(src, data + 6, n - 6, "JPEG APP1 EXIF", scan);
                } else if (Bin.startsWith(head, 0, XMP_JPEG)) {
                    int h = XMP_JPEG.length();
                    scan.xmp.add(new CarrierScan.XmpPacket(new Located("JPEG APP1 XMP", null, p, 2 + len),
                            src.read(data + h, n - h), data + h));
                }
            } else if (marker == 0xEB && n >= 16) {
                byte[] head = src.read(data, 16);
                if (head[0] == 'J' && head[1] == 'P') {
                    int instance = Bin.be16(head, 2);
                    long seq = Bin.be32(head, 4);
                    jumbf.computeIfAbsent(instance, k -> new ArrayList<>()).add(new long[]{p, 2 + len, seq});
                }
            }
            p += 2 + len;
        }
        for (List<long[]> segments : jumbf.values()) {
            segments.sort((a, b) -> Long.compare(a[2], b[2]));
            scan.c2pa.add(jpegJumbf(src, segments));
        }
    }

    /** Reassembles a JUMBF box split over APP11 segments: each continuation repeats the box header (ISO 19566-5). */
    private static CarrierScan.C2paStore jpegJumbf(Source src, List<long[]> segments) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        long first = segments.get(0)[0];
        long end = first;
        for (int i = 0; i < segments.size(); i++) {
            long[] s = segments.get(i);
            byte[] body = src.read(s[0] + 4 + 8, s[1] - 4 - 8); // marker+length, then CI, En, Z
            int skip = 0;
            if (i > 0) {
                skip = Bin.be32(body, 0) == 1 ? 16 : 8; // repeated LBox/TBox (and XLBox)
            }
            out.write(body, skip, body.length - skip);
            end = Math.max(end, s[0] + s[1]);
        }
        return new CarrierScan.C2paStore(new Located("JPEG APP11 JUMBF", "c2pa", first, end - first), out.toByteArray());
    }

    static void webp(Source src, CarrierScan scan) throws IOException {
        scan.searched.add("WebP XMP, EXIF and C2PA chunks");
        long end = Math.min(src.size(), 8 + Bin.le32(src.read(4, 4), 0));
        long p = 12;
        while (p + 8 <= end) {
            byte[] h = src.read(p, 8);
            String id = Bin.ascii(h, 0, 4);
            long n = Bin.le32(h, 4);
            if (p + 8 + n > end) {
                scan.problems.add("WebP chunk " + id + " at byte " + p + " runs past the RIFF size");
                return;
            }
            Located where = new Located("WebP " + id.trim(), null, p, 8 + n);
            switch (id) {
                case "XMP " -> scan.xmp.add(new CarrierScan.XmpPacket(where, src.read(p + 8, n), p + 8));
                case "EXIF" -> exif(src, p + 8, n, "WebP EXIF", scan);
                case "C2PA" -> scan.c2pa.add(new CarrierScan.C2paStore(where, src.read(p + 8, n)));
                default -> {
                }
            }
            p += 8 + n + (n & 1);
        }
    }

    static void tiff(Source src, CarrierScan scan) throws IOException {
        scan.searched.add("TIFF ImageDescription, XMP (tag 700), Exif UserComment");
        exif(src, 0, src.size(), "TIFF", scan);
    }

    static void gif(Source src, CarrierScan scan) throws IOException {
        scan.searched.add("GIF XMP application extension, comment extensions");
        byte[] g = src.read(0, src.size());
        int p = 13;
        if ((g[10] & 0x80) != 0) {
            p += 3 * (1 << ((g[10] & 7) + 1));
        }
        while (p < g.length) {
            int b = g[p] & 0xFF;
            if (b == 0x3B) {
                return;
            } else if (b == 0x2C) {
                int flags = g[p + 9] & 0xFF;
                p += 10 + ((flags & 0x80) != 0 ? 3 * (1 << ((flags & 7) + 1)) : 0) + 1;
                p = skipSubBlocks(g, p);
            } else if (b == 0x21) {
                int label = g[p + 1] & 0xFF;
                int start = p;
                if (label == 0xFF && g[p + 2] == 11 && Bin.startsWith(g, p + 3, "XMP DataXMP")) {
                    int data = p + 14;
                    int stop = Bin.indexOf(g, "<?xpacket end".getBytes(StandardCharsets.US_ASCII), data);
                    int close = stop < 0 ? -1 : Bin.indexOf(g, "?>".getBytes(StandardCharsets.US_ASCII), stop);
                    p = skipSubBlocks(g, data);
                    if (close > 0) {
                        scan.xmp.add(new CarrierScan.XmpPacket(new Located("GIF XMP application extension", null,
                                start, p - start), java.util.Arrays.copyOfRange(g, data, close + 2), data));
                    }
                    continue;
                }
                p = skipSubBlocks(g, p + 2);
                if (label == 0xFE) {
                    String text = new String(joinSubBlocks(g, start + 2), StandardCharsets.UTF_8);
                    if (Texts.holdsAigcObject(text)) {
                        scan.labels.add(new CarrierScan.LabelText(new Located("GIF comment extension", null, start,
                                p - start), text));
                    }
                }
            } else {
                scan.problems.add("GIF block expected at byte " + p);
                return;
            }
        }
    }

    private static int skipSubBlocks(byte[] g, int p) {
        while (p < g.length && g[p] != 0) {
            p += 1 + (g[p] & 0xFF);
        }
        return p + 1;
    }

    private static byte[] joinSubBlocks(byte[] g, int p) {
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        while (p < g.length && g[p] != 0) {
            int n = g[p] & 0xFF;
            o.write(g, p + 1, Math.min(n, g.length - p - 1));
            p += 1 + n;
        }
        return o.toByteArray();
    }
}
