package org.exhibit.sd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Walks a JPEG's marker segments up to the image data and collects the generation-metadata carriers: EXIF in
 * APP1 ("Exif\0\0"), XMP in APP1 ("http://ns.adobe.com/xap/1.0/\0") and COM comments. Reads the frame size from
 * the SOF segment.
 */
final class JpegText {

    static final byte[] XMP_ID = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);

    private JpegText() {
    }

    static boolean isJpeg(FileChannel ch) throws IOException {
        if (ch.size() < 4) {
            return false;
        }
        ByteBuffer b = ByteBuffer.allocate(3);
        PngText.readFully(ch, b, 0);
        return (b.get(0) & 0xFF) == 0xFF && (b.get(1) & 0xFF) == 0xD8 && (b.get(2) & 0xFF) == 0xFF;
    }

    /** Returns {width, height} from SOF, or null. */
    static int[] read(FileChannel ch, List<TextEntry> texts, List<Anomaly> anomalies) throws IOException {
        long size = ch.size();
        long pos = 2;
        int[] dims = null;
        ByteBuffer head = ByteBuffer.allocate(4);
        while (pos + 4 <= size) {
            head.clear();
            PngText.readFully(ch, head, pos);
            if ((head.get(0) & 0xFF) != 0xFF) {
                anomalies.add(new Anomaly("sd.jpeg-malformed", "No JPEG marker at byte " + pos
                        + " where the previous segment ended.", "JPEG", pos, 0));
                return dims;
            }
            int marker = head.get(1) & 0xFF;
            if (marker == 0xFF) {
                pos++; // fill byte
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                return dims; // image data or end: the metadata segments are all before it
            }
            int len = (head.get(2) & 0xFF) << 8 | (head.get(3) & 0xFF);
            if (len < 2 || pos + 2 + len > size) {
                anomalies.add(new Anomaly("sd.jpeg-truncated", String.format("The JPEG segment FF%02X at byte %d "
                        + "declares %d bytes but the file ends first.", marker, pos, len), "JPEG", pos, size - pos));
                return dims;
            }
            long dataAt = pos + 4;
            int dataLen = len - 2;
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (marker == 0xE1 || marker == 0xFE || sof) {
                ByteBuffer d = ByteBuffer.allocate(dataLen);
                PngText.readFully(ch, d, dataAt);
                byte[] data = d.array();
                if (sof && dataLen >= 5) {
                    dims = new int[]{(data[3] & 0xFF) << 8 | (data[4] & 0xFF), (data[1] & 0xFF) << 8 | (data[2] & 0xFF)};
                } else if (marker == 0xFE) {
                    String enc = PngText.latin1OrUtf8(data);
                    texts.add(new TextEntry("Comment", new String(data, PngText.charset(enc)),
                            new Source("JPEG COM", null, dataAt, dataLen, dataAt, enc)));
                } else if (startsWith(data, "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1))) {
                    ExifText.read(java.util.Arrays.copyOfRange(data, 6, data.length), dataAt + 6, "JPEG APP1",
                            texts, anomalies);
                } else if (startsWith(data, XMP_ID)) {
                    byte[] xmp = java.util.Arrays.copyOfRange(data, XMP_ID.length, data.length);
                    texts.add(new TextEntry("XMP", new String(xmp, StandardCharsets.UTF_8),
                            new Source("JPEG APP1 XMP", null, dataAt, dataLen, dataAt + XMP_ID.length, "UTF-8")));
                }
            }
            pos = dataAt + dataLen;
        }
        return dims;
    }

    static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
