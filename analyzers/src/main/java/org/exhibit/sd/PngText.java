package org.exhibit.sd;

import org.exhibit.io.BoundedInflater;
import org.exhibit.io.Limits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Reads the text chunks of a PNG (tEXt, zTXt, iTXt) with their file offsets, walking the chunk list without
 * reading image data. Checks each text chunk's CRC, notices truncation, and bounds decompression. tEXt and zTXt
 * are Latin-1 by the PNG spec; some generators put UTF-8 there, so valid non-ASCII UTF-8 is read as UTF-8.
 */
final class PngText {

    static final byte[] SIGNATURE = {(byte) 137, 'P', 'N', 'G', '\r', '\n', 26, '\n'};

    private PngText() {
    }

    /** Size from IHDR, whether it has an alpha channel, and the chunk types in order (for other readers). */
    record Header(int width, int height, int colorType, int bitDepth) {
        boolean hasAlpha() {
            return colorType == 4 || colorType == 6;
        }
    }

    static boolean isPng(FileChannel ch) throws IOException {
        if (ch.size() < 8) {
            return false;
        }
        ByteBuffer b = ByteBuffer.allocate(8);
        readFully(ch, b, 0);
        return java.util.Arrays.equals(b.array(), SIGNATURE);
    }

    /** Walks the chunks; adds text entries and anomalies; returns the IHDR (null if missing). */
    static Header read(FileChannel ch, Limits limits, List<TextEntry> texts, List<Anomaly> anomalies)
            throws IOException {
        long size = ch.size();
        long pos = 8;
        Header header = null;
        ByteBuffer head = ByteBuffer.allocate(8);
        while (pos < size) {
            if (size - pos < 12) {
                anomalies.add(new Anomaly("sd.png-truncated", "The PNG ends inside a chunk header at byte " + pos
                        + " (" + (size - pos) + " bytes left, 12 needed).", "PNG", pos, size - pos));
                break;
            }
            head.clear();
            readFully(ch, head, pos);
            long length = Integer.toUnsignedLong(head.getInt(0));
            String type = new String(head.array(), 4, 4, StandardCharsets.ISO_8859_1);
            long dataAt = pos + 8;
            if (dataAt + length + 4 > size) {
                anomalies.add(new Anomaly("sd.png-truncated", "The PNG's " + printable(type) + " chunk at byte " + pos
                        + " declares " + length + " data bytes but the file ends " + (size - dataAt)
                        + " bytes later.", "PNG " + printable(type), pos, size - pos));
                break;
            }
            boolean text = type.equals("tEXt") || type.equals("zTXt") || type.equals("iTXt");
            if (type.equals("IHDR") && length == 13) {
                ByteBuffer d = ByteBuffer.allocate(13);
                readFully(ch, d, dataAt);
                header = new Header(d.getInt(0), d.getInt(4), d.get(9) & 0xFF, d.get(8) & 0xFF);
            } else if (text && length > limits.maxInflatedBytes()) {
                anomalies.add(new Anomaly("sd.text-too-large", "The " + type + " chunk at byte " + pos + " holds "
                        + length + " bytes, over the limit of " + limits.maxInflatedBytes() + "; it was not read.",
                        "PNG " + type, pos, length + 12));
            } else if (text) {
                ByteBuffer d = ByteBuffer.allocate((int) length + 4);
                readFully(ch, d, dataAt);
                byte[] data = java.util.Arrays.copyOf(d.array(), (int) length);
                CRC32 crc = new CRC32();
                crc.update(head.array(), 4, 4);
                crc.update(data);
                long stored = Integer.toUnsignedLong(d.getInt((int) length));
                if (crc.getValue() != stored) {
                    anomalies.add(new Anomaly("sd.png-crc", String.format("The %s chunk at byte %d has CRC %08x but"
                            + " its bytes give %08x: it was altered or damaged after it was written.", type, pos,
                            stored, crc.getValue()), "PNG " + type, pos, length + 12));
                }
                decode(type, data, dataAt, limits, texts, anomalies);
            }
            pos = dataAt + length + 4;
            if (type.equals("IEND")) {
                if (pos < size) {
                    anomalies.add(new Anomaly("sd.png-trailing-data", (size - pos) + " bytes follow the IEND chunk.",
                            "PNG", pos, size - pos));
                }
                break;
            }
        }
        return header;
    }

    private static void decode(String type, byte[] data, long dataAt, Limits limits, List<TextEntry> texts,
                               List<Anomaly> anomalies) {
        int nul = indexOf(data, 0);
        if (nul < 1) {
            anomalies.add(new Anomaly("sd.png-text-malformed", "The " + type + " chunk at data byte " + dataAt
                    + " has no keyword.", "PNG " + type, dataAt, data.length));
            return;
        }
        String keyword = new String(data, 0, nul, StandardCharsets.ISO_8859_1);
        String carrier = "PNG " + type;
        try {
            switch (type) {
                case "tEXt" -> {
                    byte[] body = java.util.Arrays.copyOfRange(data, nul + 1, data.length);
                    String enc = latin1OrUtf8(body);
                    texts.add(new TextEntry(keyword, new String(body, charset(enc)),
                            new Source(carrier, keyword, dataAt, data.length, dataAt + nul + 1, enc)));
                }
                case "zTXt" -> {
                    byte[] z = java.util.Arrays.copyOfRange(data, Math.min(nul + 2, data.length), data.length);
                    byte[] body = BoundedInflater.zlib(z, limits.maxInflatedBytes());
                    String enc = latin1OrUtf8(body);
                    texts.add(new TextEntry(keyword, new String(body, charset(enc)),
                            new Source(carrier, keyword, dataAt, data.length, null, null)));
                }
                default -> { // iTXt: keyword\0 flag method language\0 translated\0 text
                    int p = nul + 1;
                    if (p + 2 > data.length) {
                        throw new IOException("ends inside its header");
                    }
                    boolean compressed = data[p] != 0;
                    int lang = indexOf(data, p + 2);
                    int translated = lang < 0 ? -1 : indexOf(data, lang + 1);
                    if (translated < 0) {
                        throw new IOException("language tag or translated keyword not terminated");
                    }
                    byte[] raw = java.util.Arrays.copyOfRange(data, translated + 1, data.length);
                    byte[] body = compressed ? BoundedInflater.zlib(raw, limits.maxInflatedBytes()) : raw;
                    texts.add(new TextEntry(keyword, new String(body, StandardCharsets.UTF_8),
                            new Source(carrier, keyword, dataAt, data.length,
                                    compressed ? null : dataAt + translated + 1, compressed ? null : "UTF-8")));
                }
            }
        } catch (IOException e) {
            String rule = e.getMessage() != null && e.getMessage().contains("limit") ? "sd.decompression-bomb"
                    : "sd.png-text-malformed";
            anomalies.add(new Anomaly(rule, "The " + type + " chunk '" + keyword + "' at data byte " + dataAt
                    + " could not be read: " + e.getMessage() + ".", carrier + " " + keyword, dataAt, data.length));
        }
    }

    /** "UTF-8" when the bytes are valid UTF-8 with some non-ASCII byte, else "ISO-8859-1" (the PNG spec's). */
    static String latin1OrUtf8(byte[] body) {
        boolean ascii = true;
        for (byte x : body) {
            if (x < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return "ISO-8859-1";
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return "UTF-8";
        } catch (CharacterCodingException e) {
            return "ISO-8859-1";
        }
    }

    static java.nio.charset.Charset charset(String enc) {
        return enc.equals("UTF-8") ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    }

    private static int indexOf(byte[] data, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String printable(String type) {
        return type.matches("[A-Za-z]{4}") ? type : "(unnamed)";
    }

    static void readFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
        long p = at;
        while (b.hasRemaining()) {
            int n = ch.read(b, p);
            if (n < 0) {
                throw new java.io.EOFException("unexpected end of file at byte " + p);
            }
            p += n;
        }
    }
}
