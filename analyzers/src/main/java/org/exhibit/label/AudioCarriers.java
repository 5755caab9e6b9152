package org.exhibit.label;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Finds label carriers in audio containers: WAV (RIFF chunks), MP3 (ID3v2), FLAC and Ogg (Vorbis comments). */
final class AudioCarriers {

    private AudioCarriers() {
    }

    /** WAV: an "AIGC" chunk, LIST/INFO items holding an AIGC object, XMP in "_PMX". */
    static void wav(Source src, CarrierScan scan) throws IOException {
        scan.searched.add("WAV RIFF chunks (AIGC, LIST/INFO, _PMX XMP)");
        long end = Math.min(src.size(), 8 + Bin.le32(src.read(4, 4), 0));
        riff(src, 12, end, scan, "WAV");
    }

    private static void riff(Source src, long p, long end, CarrierScan scan, String prefix) throws IOException {
        while (p + 8 <= end) {
            byte[] h = src.read(p, 8);
            String id = Bin.ascii(h, 0, 4);
            long n = Bin.le32(h, 4);
            if (p + 8 + n > end) {
                scan.problems.add(prefix + " chunk '" + id + "' at byte " + p + " runs past its container");
                return;
            }
            Located where = new Located(prefix + " chunk " + id.trim(), null, p, 8 + n);
            if (id.equals("LIST") && n >= 4 && Bin.ascii(src.read(p + 8, 4), 0, 4).equals("INFO")) {
                riff(src, p + 12, p + 8 + n, scan, prefix + " LIST/INFO");
            } else if (id.equals("_PMX")) {
                scan.xmp.add(new CarrierScan.XmpPacket(where, src.read(p + 8, n), p + 8));
            } else if (!id.equals("data") && n < (1 << 20)) {
                String text = Texts.trimNul(Texts.latin1OrUtf8(src.read(p + 8, n), 0, (int) n));
                if (id.equals("AIGC") || Texts.holdsAigcObject(text)) {
                    scan.labels.add(new CarrierScan.LabelText(where.narrow(id.trim(), p, 8 + n), text));
                }
            }
            p += 8 + n + (n & 1);
        }
    }

    /** MP3: ID3v2.2/2.3/2.4 tag at the start; TXXX frames with description AIGC; PRIV/GEOB are not read. */
    static void mp3(Source src, CarrierScan scan) throws IOException {
        scan.searched.add("ID3v2 TXXX:AIGC");
        byte[] h = src.readUpTo(0, 10);
        if (h.length < 10 || !Bin.startsWith(h, 0, "ID3")) {
            return;
        }
        int version = h[3];
        long size = syncsafe(h, 6);
        if ((h[5] & 0x80) != 0) {
            scan.problems.add("ID3v2 tag uses unsynchronisation; frames were read without undoing it");
        }
        byte[] tag = src.read(10, Math.min(size, src.size() - 10));
        int p = 0;
        if ((h[5] & 0x40) != 0 && version >= 3) { // extended header
            p += version == 4 ? (int) syncsafe(tag, 0) : 4 + (int) Bin.be32(tag, 0);
        }
        int headLen = version == 2 ? 6 : 10;
        while (p + headLen <= tag.length && tag[p] != 0) {
            String id = Bin.ascii(tag, p, version == 2 ? 3 : 4);
            long n = version == 2 ? (Bin.be32(tag, p + 2) & 0xFFFFFF) : version == 4 ? syncsafe(tag, p + 4) : Bin.be32(tag, p + 4);
            if (p + headLen + n > tag.length) {
                scan.problems.add("ID3v2 frame " + id + " at byte " + (10 + p) + " runs past the tag");
                return;
            }
            if (id.equals("TXXX") || id.equals("TXX")) {
                String[] kv = txxx(tag, p + headLen, (int) n);
                if (kv[0].equals("AIGC") || Texts.holdsAigcObject(kv[1])) {
                    scan.labels.add(new CarrierScan.LabelText(new Located("ID3v2 " + id, kv[0], 10 + p, headLen + n),
                            kv[1]));
                }
            }
            p += headLen + (int) n;
        }
    }

    /** TXXX body: encoding byte, description, terminator, value. */
    static String[] txxx(byte[] b, int at, int n) {
        int enc = b[at];
        var cs = switch (enc) {
            case 1 -> StandardCharsets.UTF_16;
            case 2 -> StandardCharsets.UTF_16BE;
            case 3 -> StandardCharsets.UTF_8;
            default -> StandardCharsets.ISO_8859_1;
        };
        int wide = enc == 1 || enc == 2 ? 2 : 1;
        int p = at + 1;
        int end = at + n;
        while (p + wide <= end && !(b[p] == 0 && (wide == 1 || b[p + 1] == 0))) {
            p += wide;
        }
        String desc = new String(b, at + 1, p - at - 1, cs);
        String value = p + wide <= end ? new String(b, p + wide, end - p - wide, cs) : "";
        return new String[]{desc, Texts.trimNul(value)};
    }

    static long syncsafe(byte[] b, int at) {
        return (b[at] & 0x7F) << 21 | (b[at + 1] & 0x7F) << 14 | (b[at + 2] & 0x7F) << 7 | (b[at + 3] & 0x7F);
    }

    /** FLAC: the VORBIS_COMMENT metadata block (type 4). */
    static void flac(Source src, CarrierScan scan) throws IOException {
        scan.searched.add("FLAC Vorbis comment AIGC=");
        long p = 4;
        while (p + 4 <= src.size()) {
            byte[] h = src.read(p, 4);
            int type = h[0] & 0x7F;
            long n = Bin.be32(h, 0) & 0xFFFFFF;
            if (type == 4) {
                vorbisComments(src.read(p + 4, n), new long[]{p + 4}, "FLAC VORBIS_COMMENT", p, 4 + n, scan);
            }
            if ((h[0] & 0x80) != 0) {
                return;
            }
            p += 4 + n;
        }
    }

    /** Ogg: the second packet of the first stream is the comment header (Vorbis "\3vorbis", Opus "OpusTags"). */
    static void ogg(Source src, CarrierScan scan) throws IOException {
        scan.searched.add("Ogg Vorbis/Opus comment AIGC=");
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        java.util.List<Long> offsets = new java.util.ArrayList<>(); // file offset of each packet byte run start
        java.util.List<Integer> starts = new java.util.ArrayList<>();
        int packetNo = 0;
        long p = 0;
        long firstPage = -1;
        while (p + 27 <= src.size() && packetNo < 2) {
            byte[] h = src.read(p, 27);
            if (!Bin.startsWith(h, 0, "OggS")) {
                scan.problems.add("Ogg page expected at byte " + p);
                return;
            }
            int segs = h[26] & 0xFF;
            byte[] table = src.read(p + 27, segs);
            long data = p + 27 + segs;
            for (int i = 0; i < segs && packetNo < 2; i++) {
                int len = table[i] & 0xFF;
                if (packetNo == 1) {
                    if (firstPage < 0) {
                        firstPage = p;
                    }
                    starts.add(packet.size());
                    offsets.add(data);
                    packet.write(src.read(data, len));
                }
                data += len;
                if (len < 255) {
                    packetNo++;
                }
            }
            long total = 27 + segs;
            for (byte b : table) {
                total += b & 0xFF;
            }
            p += total;
        }
        byte[] b = packet.toByteArray();
        int skip = Bin.startsWith(b, 0, "\3vorbis") ? 7 : Bin.startsWith(b, 0, "OpusTags") ? 8 : -1;
        if (skip < 0) {
            return;
        }
        long[] map = new long[b.length];
        for (int i = 0; i < starts.size(); i++) {
            int from = starts.get(i);
            int to = i + 1 < starts.size() ? starts.get(i + 1) : b.length;
            for (int k = from; k < to; k++) {
                map[k] = offsets.get(i) + (k - from);
            }
        }
        vorbisComments(java.util.Arrays.copyOfRange(b, skip, b.length), java.util.Arrays.copyOfRange(map, skip, map.length),
                "Ogg comment header", firstPage, p - firstPage, scan);
    }

    /**
     * Vorbis comment list (little-endian lengths): vendor, count, "KEY=value" items. {@code fileOffsets} maps each
     * byte of {@code c} to its file offset (one entry = contiguous from there).
     */
    private static void vorbisComments(byte[] c, long[] fileOffsets, String carrier, long blockAt, long blockLen,
                                       CarrierScan scan) {
        int p = 0;
        long vendor = Bin.le32(c, p);
        p += 4 + (int) vendor;
        long count = Bin.le32(c, p);
        p += 4;
        for (long i = 0; i < count && p + 4 <= c.length; i++) {
            int n = (int) Bin.le32(c, p);
            if (n < 0 || p + 4 + n > c.length) {
                scan.problems.add(carrier + ": comment " + i + " runs past the block");
                return;
            }
            String item = new String(c, p + 4, n, StandardCharsets.UTF_8);
            int eq = item.indexOf('=');
            String key = eq < 0 ? item : item.substring(0, eq);
            String value = eq < 0 ? "" : item.substring(eq + 1);
            if (key.equalsIgnoreCase("AIGC") || Texts.holdsAigcObject(value)) {
                long at = fileOffsets.length == 1 ? fileOffsets[0] + p : fileOffsets[p];
                scan.labels.add(new CarrierScan.LabelText(new Located(carrier, key, at, 4 + n), value));
            }
            p += 4 + n;
        }
    }
}
