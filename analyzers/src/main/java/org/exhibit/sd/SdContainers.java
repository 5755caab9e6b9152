package org.exhibit.sd;

import org.exhibit.fixtures.PngBuilder;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Writes the carriers generators put their records in, byte by byte as they write them: PNG text chunks right
 * after IHDR (as Pillow's PngInfo places them), EXIF with UserComment in a JPEG APP1 or WebP EXIF chunk (piexif
 * layout: IFD0 with one ExifIFD pointer, the Exif IFD with UserComment), and stealth LSB pixels. Used by the
 * benchmark to build its corpus and by tests; never applied to an input.
 */
public final class SdContainers {

    /** A 1×1 lossless WebP (VP8L), the smallest valid image to hang an EXIF chunk on. */
    private static final byte[] WEBP_1X1 = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    private SdContainers() {
    }

    /** One PNG chunk to write: type and data. */
    public record Chunk(String type, byte[] data) {
        /** Pillow's PngInfo.add_text: tEXt when the value is Latin-1, else iTXt (uncompressed). */
        public static Chunk text(String keyword, String value) {
            if (StandardCharsets.ISO_8859_1.newEncoder().canEncode(value)) {
                return new Chunk("tEXt", concat(latin1(keyword), new byte[]{0}, latin1(value)));
            }
            return itxt(keyword, value, false);
        }

        /** Pillow's add_itxt: keyword, 0, compression flag, method 0, empty language and translated keyword. */
        public static Chunk itxt(String keyword, String value, boolean compressed) {
            byte[] body = value.getBytes(StandardCharsets.UTF_8);
            return new Chunk("iTXt", concat(latin1(keyword), new byte[]{0, (byte) (compressed ? 1 : 0), 0, 0, 0},
                    compressed ? PngBuilder.deflate(body) : body));
        }

        public static Chunk ztxt(String keyword, String value) {
            return new Chunk("zTXt", concat(latin1(keyword), new byte[]{0, 0}, PngBuilder.deflate(latin1(value))));
        }
    }

    /** A PNG of {@code image} (RGBA when it has alpha) with {@code chunks} after IHDR. */
    public static byte[] png(BufferedImage image, List<Chunk> chunks) {
        PngBuilder b = image.getColorModel().hasAlpha() ? PngBuilder.rgba(image) : PngBuilder.rgb(image);
        chunks.forEach(c -> b.chunk(c.type(), c.data()));
        return b.build();
    }

    /** The TIFF block piexif writes for {Exif: {UserComment: value}} in the given byte order. */
    public static byte[] exifUserComment(byte[] userComment, ByteOrder order) {
        boolean le = order == ByteOrder.LITTLE_ENDIAN;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(le ? new byte[]{'I', 'I', 42, 0} : new byte[]{'M', 'M', 0, 42});
        o.writeBytes(u32(8, le));
        o.writeBytes(u16(1, le)); // IFD0: one entry, the Exif IFD pointer (tag 0x8769, LONG)
        o.writeBytes(u16(0x8769, le));
        o.writeBytes(u16(4, le));
        o.writeBytes(u32(1, le));
        o.writeBytes(u32(26, le));
        o.writeBytes(u32(0, le));
        o.writeBytes(u16(1, le)); // Exif IFD at 26: UserComment (0x9286, UNDEFINED)
        o.writeBytes(u16(0x9286, le));
        o.writeBytes(u16(7, le));
        o.writeBytes(u32(userComment.length, le));
        o.writeBytes(u32(40, le)); // piexif writes no next-IFD link after the Exif IFD: the value follows at 40
        o.writeBytes(userComment);
        return o.toByteArray();
    }

    /** piexif.helper.UserComment.dump(text, encoding="unicode"): "UNICODE\0" + UTF-16 in {@code order}. */
    public static byte[] unicodeUserComment(String text, ByteOrder order) {
        return concat("UNICODE\0".getBytes(StandardCharsets.US_ASCII), text.getBytes(
                order == ByteOrder.BIG_ENDIAN ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE));
    }

    /** A JPEG of {@code image} whose first segment is APP1 EXIF holding {@code tiff}. */
    public static byte[] jpeg(BufferedImage image, byte[] tiff) {
        byte[] plain = encodeJpeg(image);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(0xFF);
        o.write(0xD8);
        o.write(0xFF);
        o.write(0xE1);
        int len = tiff.length + 8;
        o.write(len >> 8);
        o.write(len & 0xFF);
        o.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        o.writeBytes(tiff);
        int skip = 2; // drop ImageIO's JFIF APP0 so EXIF comes first, as in generator files
        if ((plain[2] & 0xFF) == 0xFF && (plain[3] & 0xFF) == 0xE0) {
            skip = 4 + ((plain[4] & 0xFF) << 8 | (plain[5] & 0xFF));
        }
        o.write(plain, skip, plain.length - skip);
        return o.toByteArray();
    }

    /** A 1×1 WebP with a VP8X header and an EXIF chunk holding {@code tiff} (as Pillow writes it). */
    public static byte[] webp(byte[] tiff) {
        byte[] vp8l = java.util.Arrays.copyOfRange(WEBP_1X1, 12, WEBP_1X1.length);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WEBP".getBytes(StandardCharsets.ISO_8859_1));
        byte[] vp8x = {0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0}; // EXIF flag; canvas 1×1 (stored minus one)
        riff(body, "VP8X", vp8x);
        body.write(vp8l, 0, vp8l.length);
        riff(body, "EXIF", tiff);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes("RIFF".getBytes(StandardCharsets.ISO_8859_1));
        o.writeBytes(u32(body.size(), true));
        o.writeBytes(body.toByteArray());
        return o.toByteArray();
    }

    /**
     * Hides {@code text} in the LSBs of {@code image} as the stealth-pnginfo writers do (column-major; alpha: one
     * bit per pixel, RGB: three). Returns a new image; alpha mode sets alpha to 255 first, as they do.
     */
    public static BufferedImage stealth(BufferedImage image, String text, boolean alpha, boolean compressed) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(),
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        String sig = "stealth_" + (alpha ? "png" : "rgb") + (compressed ? "comp" : "info");
        byte[] payload = compressed ? gzip(text.getBytes(StandardCharsets.UTF_8)) : text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bits = new ByteArrayOutputStream();
        for (byte b : latin1(sig)) {
            byteBits(bits, b);
        }
        long n = payload.length * 8L;
        for (int i = 31; i >= 0; i--) {
            bits.write((int) (n >>> i) & 1);
        }
        for (byte b : payload) {
            byteBits(bits, b);
        }
        byte[] stream = bits.toByteArray();
        int per = alpha ? 1 : 3;
        if (stream.length > (long) image.getWidth() * image.getHeight() * per) {
            throw new IllegalArgumentException("image too small for " + stream.length + " bits");
        }
        int i = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int argb = image.getRGB(x, y) | (alpha ? 0xFF000000 : 0);
                int[] c = {(argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF, (argb >>> 24) & 0xFF};
                if (alpha && i < stream.length) {
                    c[3] = (c[3] & ~1) | stream[i++];
                } else if (!alpha) {
                    for (int k = 0; k < 3 && i < stream.length; k++) {
                        c[k] = (c[k] & ~1) | stream[i++];
                    }
                }
                out.setRGB(x, y, (alpha ? c[3] << 24 : 0xFF000000) | c[0] << 16 | c[1] << 8 | c[2]);
            }
        }
        return out;
    }

    private static void byteBits(ByteArrayOutputStream bits, byte b) {
        for (int j = 7; j >= 0; j--) {
            bits.write((b >> j) & 1);
        }
    }

    private static byte[] encodeJpeg(BufferedImage image) {
        try {
            ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                w.setOutput(out);
                ImageWriteParam p = w.getDefaultWriteParam();
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(0.9f);
                BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
                rgb.getGraphics().drawImage(image, 0, 0, null);
                w.write(null, new IIOImage(rgb, null, null), p);
            } finally {
                w.dispose();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void riff(ByteArrayOutputStream o, String type, byte[] data) {
        o.writeBytes(latin1(type));
        o.writeBytes(u32(data.length, true));
        o.writeBytes(data);
        if ((data.length & 1) == 1) {
            o.write(0);
        }
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(o)) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return o.toByteArray();
    }

    private static byte[] u32(int v, boolean le) {
        return le ? new byte[]{(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >>> 24)}
                : new byte[]{(byte) (v >>> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }

    private static byte[] u16(int v, boolean le) {
        return le ? new byte[]{(byte) v, (byte) (v >> 8)} : new byte[]{(byte) (v >> 8), (byte) v};
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }
}
