package org.exhibit.label;

import org.exhibit.io.container.Bmff;
import org.exhibit.io.container.Bytes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Which boxes of an MP4/MOV can carry a label: the metadata box {@code moov.udta.meta} (and QuickTime's
 * {@code moov.meta}) with a {@code keys} entry "AIGC" or an iTunes freeform ("----") item named AIGC; XMP in a
 * {@code uuid} box or {@code udta.XMP_}. The boxes are walked by {@link Bmff}; media data is never read.
 */
final class Mp4Labels {

    static final String XMP_UUID = "be7acfcb97a942e89c71999491e3afac";

    private Mp4Labels() {
    }

    static void scan(Bmff.File f, CarrierScan scan) throws IOException {
        scan.searched.add("MP4/MOV moov.udta.meta and moov.meta (keys AIGC, ---- AIGC), XMP uuid and udta.XMP_");
        for (Bmff.Box top : f.boxes()) {
            if (top.truncated()) {
                continue;
            }
            if (top.type().equals("moov")) {
                for (Bmff.Box b : top.children()) {
                    if (b.truncated()) {
                        continue;
                    }
                    if (b.type().equals("udta")) {
                        for (Bmff.Box u : b.children()) {
                            if (u.truncated()) {
                                continue;
                            }
                            if (u.type().equals("meta")) {
                                meta(f, u, "moov.udta.meta", scan);
                            } else if (u.type().equals("XMP_")) {
                                byte[] packet = f.data(u);
                                if (packet != null) {
                                    scan.xmp.add(new CarrierScan.XmpPacket(new Located("MP4 moov.udta.XMP_", null,
                                            u.offset(), u.size()), packet, u.dataOffset()));
                                }
                            }
                        }
                    } else if (b.type().equals("meta")) {
                        meta(f, b, "moov.meta", scan);
                    }
                }
            } else if (top.type().equals("uuid") && XMP_UUID.equals(top.userType())) {
                byte[] packet = f.data(top);
                if (packet != null) {
                    scan.xmp.add(new CarrierScan.XmpPacket(new Located("MP4 uuid XMP", null, top.offset(), top.size()),
                            packet, top.dataOffset()));
                }
            }
        }
        Carriers.problems(f, scan, p -> true);
    }

    private static void meta(Bmff.File f, Bmff.Box meta, String path, CarrierScan scan) throws IOException {
        List<String> keys = new ArrayList<>();
        Bmff.Box ilst = null;
        for (Bmff.Box b : meta.children()) {
            if (b.type().equals("keys") && !b.truncated()) {
                keys.addAll(f.keys(b));
            } else if (b.type().equals("ilst")) {
                ilst = b;
            }
        }
        if (ilst == null) {
            return;
        }
        for (Bmff.Box item : ilst.children()) {
            if (item.truncated()) {
                continue;
            }
            long index = Bytes.be32(item.type().getBytes(StandardCharsets.ISO_8859_1), 0);
            String name = null;
            String value = null;
            for (Bmff.Box c : item.children()) {
                byte[] d = c.truncated() ? null : f.data(c);
                if (d == null) {
                    continue;
                }
                if (c.type().equals("name") && d.length >= 4) {
                    name = new String(d, 4, d.length - 4, StandardCharsets.UTF_8);
                } else if (c.type().equals("data") && d.length >= 8) {
                    value = new String(d, 8, d.length - 8, StandardCharsets.UTF_8);
                }
            }
            if (!item.type().equals("----") && index >= 1 && index <= keys.size()) {
                name = keys.get((int) index - 1);
            }
            if (value != null && ("AIGC".equals(name) || Texts.holdsAigcObject(value))) {
                scan.labels.add(new CarrierScan.LabelText(new Located("MP4 " + path + ".ilst", name, item.offset(),
                        item.size()), value));
            }
        }
    }
}
