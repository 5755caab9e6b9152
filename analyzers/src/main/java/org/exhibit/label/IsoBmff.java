package org.exhibit.label;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * MP4/MOV (ISO base media file format): the metadata box {@code moov.udta.meta} (and QuickTime's
 * {@code moov.meta}) with a {@code keys} entry "AIGC" or an iTunes freeform ("----") item named AIGC; XMP in a
 * {@code uuid} box or {@code udta.XMP_}. Boxes are walked by header; media data is never read.
 */
final class IsoBmff {

    static final String XMP_UUID = "be7acfcb97a942e89c71999491e3afac";

    /** A box: type, where it starts, header length, total length. */
    record Box(String type, long offset, int header, long size) {
        long body() {
            return offset + header;
        }

        long end() {
            return offset + size;
        }
    }

    private IsoBmff() {
    }

    static List<Box> children(Source src, long from, long to) throws IOException {
        List<Box> out = new ArrayList<>();
        long p = from;
        while (p + 8 <= to) {
            byte[] h = src.read(p, 8);
            long size = Bin.be32(h, 0);
            int header = 8;
            if (size == 1) {
                size = Bin.be64(src.read(p + 8, 8), 0);
                header = 16;
            } else if (size == 0) {
                size = to - p;
            }
            if (size < header || p + size > to) {
                throw new IOException("box '" + Bin.ascii(h, 4, 4) + "' at byte " + p + " runs past its container");
            }
            out.add(new Box(Bin.ascii(h, 4, 4), p, header, size));
            p += size;
        }
        return out;
    }

    static void scan(Source src, CarrierScan scan) throws IOException {
        scan.searched.add("MP4/MOV moov.udta.meta and moov.meta (keys AIGC, ---- AIGC), XMP uuid and udta.XMP_");
        for (Box top : children(src, 0, src.size())) {
            if (top.type.equals("moov")) {
                for (Box b : children(src, top.body(), top.end())) {
                    if (b.type.equals("udta")) {
                        for (Box u : children(src, b.body(), b.end())) {
                            if (u.type.equals("meta")) {
                                meta(src, u, "moov.udta.meta", scan);
                            } else if (u.type.equals("XMP_")) {
                                scan.xmp.add(new CarrierScan.XmpPacket(new Located("MP4 moov.udta.XMP_", null,
                                        u.offset, u.size), src.read(u.body(), u.size - u.header), u.body()));
                            }
                        }
                    } else if (b.type.equals("meta")) {
                        meta(src, b, "moov.meta", scan);
                    }
                }
            } else if (top.type.equals("uuid") && top.size >= top.header + 16) {
                String uuid = java.util.HexFormat.of().formatHex(src.read(top.body(), 16));
                if (uuid.equals(XMP_UUID)) {
                    scan.xmp.add(new CarrierScan.XmpPacket(new Located("MP4 uuid XMP", null, top.offset, top.size),
                            src.read(top.body() + 16, top.size - top.header - 16), top.body() + 16));
                }
            }
        }
    }

    private static void meta(Source src, Box meta, String path, CarrierScan scan) throws IOException {
        long start = meta.body();
        byte[] peek = src.readUpTo(start, 8);
        if (peek.length == 8 && Bin.be32(peek, 0) == 0) {
            start += 4; // ISO full box (version + flags); QuickTime's meta has none and starts with a box size
        }
        List<String> keys = new ArrayList<>();
        Box ilst = null;
        for (Box b : children(src, start, meta.end())) {
            if (b.type.equals("keys")) {
                byte[] k = src.read(b.body(), b.size - b.header);
                long count = Bin.be32(k, 4);
                int p = 8;
                for (long i = 0; i < count && p + 8 <= k.length; i++) {
                    int n = (int) Bin.be32(k, p);
                    if (n < 8 || p + n > k.length) {
                        break;
                    }
                    keys.add(new String(k, p + 8, n - 8, StandardCharsets.UTF_8));
                    p += n;
                }
            } else if (b.type.equals("ilst")) {
                ilst = b;
            }
        }
        if (ilst == null) {
            return;
        }
        for (Box item : children(src, ilst.body(), ilst.end())) {
            byte[] t = src.read(item.offset + 4, 4);
            long index = Bin.be32(t, 0);
            String name = null;
            String value = null;
            for (Box c : children(src, item.body(), item.end())) {
                byte[] d = src.read(c.body(), c.size - c.header);
                if (c.type.equals("name") && d.length >= 4) {
                    name = new String(d, 4, d.length - 4, StandardCharsets.UTF_8);
                } else if (c.type.equals("data") && d.length >= 8) {
                    value = new String(d, 8, d.length - 8, StandardCharsets.UTF_8);
                }
            }
            if (!item.type.equals("----") && index >= 1 && index <= keys.size()) {
                name = keys.get((int) index - 1);
            }
            if (value != null && ("AIGC".equals(name) || Texts.holdsAigcObject(value))) {
                scan.labels.add(new CarrierScan.LabelText(new Located("MP4 " + path + ".ilst", name, item.offset,
                        item.size), value));
            }
        }
    }
}
