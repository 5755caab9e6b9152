package org.exhibit.sd;

import org.exhibit.io.container.Jpeg;
import org.exhibit.io.container.Png;
import org.exhibit.io.container.Problem;
import org.exhibit.io.container.Riff;
import org.exhibit.io.container.Text;
import org.exhibit.io.container.Tiff;
import org.exhibit.io.container.UserComment;
import org.exhibit.io.container.Webp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Which items of a container hold generation metadata, and how the container's problems read as anomalies: PNG
 * text chunks; JPEG COM, APP1 EXIF and APP1 XMP; WebP EXIF and XMP chunks; in EXIF, UserComment, ImageDescription
 * and Software of IFD0 and its Exif IFD (careless writers put UserComment in IFD0). The containers themselves are
 * walked by {@code org.exhibit.io.container}; this class only picks and labels.
 */
final class SdCarriers {

    private static final Set<String> PNG_TEXT = Set.of("tEXt", "zTXt", "iTXt");
    private static final Set<Integer> EXIF_TEXT = Set.of(Tiff.USER_COMMENT, Tiff.IMAGE_DESCRIPTION, Tiff.SOFTWARE);
    private static final Set<String> EXIF_IFDS = Set.of("IFD0", "IFD0/Exif");

    private SdCarriers() {
    }

    static void png(Png.File f, List<TextEntry> texts, List<Anomaly> anomalies) {
        for (Png.Text t : f.texts()) {
            String carrier = "PNG " + t.chunk().type();
            boolean stored = t.textOffset() >= 0;
            texts.add(new TextEntry(t.keyword(), t.text(), new Source(carrier, t.keyword(), t.chunk().dataOffset(),
                    t.chunk().dataLength(), stored ? t.textOffset() : null, stored ? t.encoding() : null)));
        }
        for (Problem p : f.problems()) {
            String carrier = p.scope().equals(Png.FORMAT) ? "PNG" : "PNG " + p.scope();
            String rule = switch (p.kind()) {
                case TRUNCATED -> "sd.png-truncated";
                case CRC -> PNG_TEXT.contains(p.scope()) ? "sd.png-crc" : null;
                case TOO_LARGE -> "sd.text-too-large";
                case BOMB -> "sd.decompression-bomb";
                case TRAILING -> "sd.png-trailing-data";
                case TOO_MANY, TOO_DEEP -> "sd.carrier-limit";
                default -> "sd.png-text-malformed";
            };
            if (rule != null) {
                anomalies.add(new Anomaly(rule, p.message(), carrier, p.offset(), p.length()));
            }
        }
    }

    /** Returns {width, height} from the frame header, or null. */
    static int[] jpeg(Jpeg.File f, List<TextEntry> texts, List<Anomaly> anomalies) throws IOException {
        for (Jpeg.Segment s : f.segments()) {
            if (s.truncated()) {
                continue;
            }
            long dataAt = s.dataOffset();
            long dataLen = s.dataLength();
            if (s.marker() == 0xFE) {
                byte[] data = f.data(s);
                if (data != null) {
                    String enc = Text.latin1OrUtf8(data);
                    texts.add(new TextEntry("Comment", new String(data, Text.charset(enc)),
                            new Source("JPEG COM", null, dataAt, dataLen, dataAt, enc)));
                }
            } else if (s.isApp(1) && Jpeg.EXIF_ID.equals(s.identifier())) {
                long[] block = Jpeg.File.exifBlock(s);
                exif(Tiff.read(f, block[0], block[1], "JPEG APP1"), "JPEG APP1", texts, anomalies);
            } else if (s.isApp(1) && Jpeg.XMP_ID.equals(s.identifier())) {
                byte[] data = f.data(s);
                if (data != null) {
                    int h = Jpeg.XMP_HEADER.length;
                    texts.add(new TextEntry("XMP", new String(data, h, data.length - h, StandardCharsets.UTF_8),
                            new Source("JPEG APP1 XMP", null, dataAt, dataLen, dataAt + h, "UTF-8")));
                }
            }
        }
        for (Problem p : f.problems()) {
            if (p.scope().contains("extended XMP") || p.scope().contains("JUMBF")) {
                continue; // payloads the record reader does not use
            }
            String rule = switch (p.kind()) {
                case TRUNCATED -> "sd.jpeg-truncated";
                case TOO_MANY, TOO_DEEP, TOO_LARGE, BOMB -> "sd.carrier-limit";
                default -> "sd.jpeg-malformed";
            };
            anomalies.add(new Anomaly(rule, p.message(), "JPEG", p.offset(), p.length()));
        }
        Jpeg.Frame frame = f.frame();
        return frame == null ? null : new int[]{frame.width(), frame.height()};
    }

    /** Returns {width, height} of the canvas, or null. */
    static int[] webp(Riff.File f, List<TextEntry> texts, List<Anomaly> anomalies) throws IOException {
        for (Riff.Chunk c : f.chunks()) {
            if (c.truncated()) {
                continue;
            }
            if (c.id().equals("EXIF")) {
                exif(Tiff.exif(f, c.dataOffset(), c.dataLength(), "WEBP"), "WEBP", texts, anomalies);
            } else if (c.id().equals("XMP ")) {
                byte[] data = f.data(c);
                if (data != null) {
                    texts.add(new TextEntry("XMP", new String(data, StandardCharsets.UTF_8),
                            new Source("WEBP XMP", null, c.dataOffset(), c.dataLength(), c.dataOffset(), "UTF-8")));
                }
            }
        }
        for (Problem p : f.problems()) {
            String rule = switch (p.kind()) {
                case TRUNCATED, OUT_OF_BOUNDS -> "sd.webp-truncated";
                case TOO_LARGE -> "sd.text-too-large";
                case TOO_MANY, TOO_DEEP -> "sd.carrier-limit";
                case TRAILING -> null;
                default -> "sd.webp-malformed";
            };
            if (rule != null) {
                anomalies.add(new Anomaly(rule, p.message(), "WEBP", p.offset(), p.length()));
            }
        }
        Webp.Size s = Webp.canvas(f);
        return s == null ? null : new int[]{s.width(), s.height()};
    }

    /** The text tags of IFD0 and its Exif IFD; the problems of those IFDs and tags as anomalies. */
    private static void exif(Tiff.File t, String carrier, List<TextEntry> texts, List<Anomaly> anomalies)
            throws IOException {
        for (Tiff.Entry e : t.items()) {
            if (!EXIF_IFDS.contains(e.ifd()) || !EXIF_TEXT.contains(e.tag()) || !e.bytewise() || !e.inRange()) {
                continue;
            }
            byte[] raw = t.value(e);
            if (raw == null) {
                continue;
            }
            long fileAt = e.valueOffset();
            if (e.tag() == Tiff.USER_COMMENT) {
                String enc = UserComment.encoding(raw);
                texts.add(new TextEntry("UserComment", UserComment.decode(raw), new Source(carrier
                        + " EXIF UserComment", null, fileAt, raw.length, enc == null ? null : fileAt + 8, enc)));
            } else {
                String name = e.tag() == Tiff.SOFTWARE ? "Software" : "ImageDescription";
                int end = raw.length;
                while (end > 0 && raw[end - 1] == 0) {
                    end--;
                }
                byte[] body = Arrays.copyOf(raw, end);
                String enc = Text.latin1OrUtf8(body);
                texts.add(new TextEntry(name, new String(body, Text.charset(enc)),
                        new Source(carrier + " EXIF " + name, null, fileAt, e.count(), fileAt, enc)));
            }
        }
        for (Problem p : t.problems()) {
            String scope = p.scope();
            int colon = scope.indexOf(':');
            boolean mine = scope.equals("header") || EXIF_IFDS.contains(scope) || colon > 0
                    && EXIF_IFDS.contains(scope.substring(0, colon))
                    && EXIF_TEXT.contains(Integer.valueOf(scope.substring(colon + 1)));
            if (mine) {
                anomalies.add(new Anomaly(p.limitReached() ? "sd.carrier-limit" : "sd.exif-malformed", p.message(),
                        carrier, p.offset(), p.length()));
            }
        }
    }
}
