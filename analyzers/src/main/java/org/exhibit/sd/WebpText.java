package org.exhibit.sd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Walks a WebP file's RIFF chunks and collects EXIF (some writers keep the JPEG "Exif\0\0" prefix inside it) and
 * XMP, and the canvas size from VP8X / VP8 / VP8L.
 */
final class WebpText {

    private WebpText() {
    }

    static boolean isWebp(FileChannel ch) throws IOException {
        if (ch.size() < 16) {
            return false;
        }
        ByteBuffer b = ByteBuffer.allocate(12);
        PngText.readFully(ch, b, 0);
        String s = new String(b.array(), StandardCharsets.ISO_8859_1);
        return s.startsWith("RIFF") && s.substring(8).equals("WEBP");
    }

    /** Returns {width, height}, or null. */
    static int[] read(FileChannel ch, long maxChunk, List<TextEntry> texts, List<Anomaly> anomalies)
            throws IOException {
        long size = ch.size();
        long pos = 12;
        int[] dims = null;
        ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        while (pos + 8 <= size) {
            head.clear();
            PngText.readFully(ch, head, pos);
            String type = new String(head.array(), 0, 4, StandardCharsets.ISO_8859_1);
            long len = Integer.toUnsignedLong(head.getInt(4));
            long dataAt = pos + 8;
            if (dataAt + len > size) {
                anomalies.add(new Anomaly("sd.webp-truncated", "The WebP " + type.strip() + " chunk at byte " + pos
                        + " declares " + len + " bytes but the file ends first.", "WEBP", pos, size - pos));
                return dims;
            }
            boolean wanted = type.equals("EXIF") || type.equals("XMP ") || type.equals("VP8X")
                    || type.equals("VP8 ") || type.equals("VP8L");
            if (wanted && len <= maxChunk) {
                int n = type.startsWith("VP8") ? (int) Math.min(len, 30) : (int) len;
                ByteBuffer d = ByteBuffer.allocate(n);
                PngText.readFully(ch, d, dataAt);
                byte[] data = d.array();
                switch (type) {
                    case "VP8X" -> {
                        if (n >= 10) {
                            dims = new int[]{1 + u24(data, 4), 1 + u24(data, 7)};
                        }
                    }
                    case "VP8 " -> {
                        if (dims == null && n >= 10) {
                            dims = new int[]{(data[6] & 0xFF | (data[7] & 0xFF) << 8) & 0x3FFF,
                                    (data[8] & 0xFF | (data[9] & 0xFF) << 8) & 0x3FFF};
                        }
                    }
                    case "VP8L" -> {
                        if (dims == null && n >= 5) {
                            int bits = (data[1] & 0xFF) | (data[2] & 0xFF) << 8 | (data[3] & 0xFF) << 16
                                    | (data[4] & 0xFF) << 24;
                            dims = new int[]{(bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1};
                        }
                    }
                    case "EXIF" -> {
                        byte[] exifPrefix = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
                        int skip = JpegText.startsWith(data, exifPrefix) ? 6 : 0;
                        ExifText.read(java.util.Arrays.copyOfRange(data, skip, data.length), dataAt + skip,
                                "WEBP", texts, anomalies);
                    }
                    default -> texts.add(new TextEntry("XMP", new String(data, StandardCharsets.UTF_8),
                            new Source("WEBP XMP", null, dataAt, len, dataAt, "UTF-8")));
                }
            }
            pos = dataAt + len + (len & 1);
        }
        return dims;
    }

    private static int u24(byte[] d, int at) {
        return (d[at] & 0xFF) | (d[at + 1] & 0xFF) << 8 | (d[at + 2] & 0xFF) << 16;
    }
}
