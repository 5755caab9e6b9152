package org.exhibit.label;

import org.exhibit.io.container.Bytes;
import org.exhibit.io.Limits;
import org.exhibit.io.container.Bmff;
import org.exhibit.io.container.ByteSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds the label to an MP4/MOV's {@code moov.udta.meta}: into an existing iTunes-style item list as a freeform
 * ("----", mean com.apple.iTunes, name AIGC) item, or as a new QuickTime metadata box (hdlr mdta, keys "AIGC",
 * ilst). Every enclosing box size is updated, and when moov lies before the media data, every chunk offset
 * (stco/co64) is moved by the bytes added, so the media still plays. The boxes are found by {@link Bmff}; this class
 * only splices.
 */
final class Mp4LabelWriter {

    private Mp4LabelWriter() {
    }

    static byte[] write(byte[] in, String json) throws IOException {
        Bmff.File file = Bmff.read(ByteSource.of(in), Limits.DEFAULT);
        Bmff.Box moov = null;
        long firstMdat = Long.MAX_VALUE;
        for (Bmff.Box b : file.boxes()) {
            if (b.type().equals("moov")) {
                moov = b;
            } else if (b.type().equals("mdat")) {
                firstMdat = Math.min(firstMdat, b.offset());
            }
        }
        if (moov == null) {
            throw new IOException("no moov box");
        }
        List<Bmff.Box> path = new ArrayList<>(List.of(moov));
        byte[] insert;
        long at;
        Bmff.Box udta = moov.child("udta");
        Bmff.Box meta = udta == null ? null : udta.child("meta");
        Bmff.Box ilst = meta == null ? null : meta.child("ilst");
        for (Bmff.Box b : new Bmff.Box[]{moov, udta, meta, ilst}) {
            if (b != null && b.truncated()) {
                throw new IOException("box " + b.path() + " at byte " + b.offset() + " runs past its container");
            }
        }
        byte[] value = box("data", concat(u32(1), u32(0), json.getBytes(StandardCharsets.UTF_8)));
        if (ilst != null) {
            path.add(udta);
            path.add(meta);
            path.add(ilst);
            insert = box("----", concat(box("mean", concat(u32(0), ascii("com.apple.iTunes"))),
                    box("name", concat(u32(0), ascii("AIGC"))), value));
            at = ilst.end();
        } else if (meta != null) {
            throw new IOException("moov.udta.meta has no item list (ilst) to add to");
        } else {
            byte[] hdlr = box("hdlr", concat(u32(0), u32(0), ascii("mdta"), new byte[12], new byte[]{0}));
            byte[] keys = box("keys", concat(u32(0), u32(1), u32(12), ascii("mdta"), ascii("AIGC")));
            byte[] ilstNew = box("ilst", box(new String(u32(1), StandardCharsets.ISO_8859_1), value));
            byte[] metaNew = box("meta", concat(u32(0), hdlr, keys, ilstNew));
            if (udta != null) {
                path.add(udta);
                insert = metaNew;
                at = udta.end();
            } else {
                insert = box("udta", metaNew);
                at = moov.end();
            }
        }
        byte[] out = new byte[in.length + insert.length];
        System.arraycopy(in, 0, out, 0, (int) at);
        System.arraycopy(insert, 0, out, (int) at, insert.length);
        System.arraycopy(in, (int) at, out, (int) at + insert.length, in.length - (int) at);
        for (Bmff.Box b : path) {
            if (b.headerLength() != 8) {
                throw new IOException("64-bit box sizes are not rewritten");
            }
            Bytes.putBe32(out, (int) b.offset(), b.size() + insert.length);
        }
        if (moov.offset() < firstMdat) {
            shiftChunkOffsets(out, at, insert.length);
        }
        return out;
    }

    /** Adds {@code delta} to every stco/co64 entry (in moov's tracks) that points past {@code after}. */
    private static void shiftChunkOffsets(byte[] out, long after, int delta) throws IOException {
        for (Bmff.Box b : Bmff.read(ByteSource.of(out), Limits.DEFAULT).items()) {
            if (!b.path().startsWith("moov/") || !(b.type().equals("stco") || b.type().equals("co64"))) {
                continue;
            }
            int p = (int) b.dataOffset() + 4;
            long n = Bytes.be32(out, p);
            boolean wide = b.type().equals("co64");
            for (int i = 0; i < n; i++) {
                int e = p + 4 + i * (wide ? 8 : 4);
                long v = wide ? Bytes.be64(out, e) : Bytes.be32(out, e);
                if (v >= after) {
                    if (wide) {
                        Bytes.putBe32(out, e, (v + delta) >>> 32);
                        Bytes.putBe32(out, e + 4, (v + delta) & 0xFFFFFFFFL);
                    } else if (v + delta > 0xFFFFFFFFL) {
                        throw new IOException("a 32-bit chunk offset would overflow");
                    } else {
                        Bytes.putBe32(out, e, v + delta);
                    }
                }
            }
        }
    }

    private static byte[] box(String type, byte[] body) {
        return concat(u32(8 + body.length), ascii(type), body);
    }

    private static byte[] u32(long v) {
        byte[] b = new byte[4];
        Bytes.putBe32(b, 0, v);
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }
}
