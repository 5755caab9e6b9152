package org.exhibit.io;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Decodes images only after their header has been checked against the pixel limit, so a 50k × 50k PNG that
 * would need 10 GB of memory is refused in microseconds instead of crashing the JVM.
 */
public final class Images {

    static {
        ImageIO.setUseCache(false); // no temp files: decoding stays in memory and leaves nothing behind
    }

    private Images() {
    }

    /** Width and height from the header alone. */
    public record Size(int width, int height) {
        public long pixels() {
            return (long) width * height;
        }
    }

    public static Size size(Path file) throws InputException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = readerFor(file, in);
            try {
                reader.setInput(in, true, true);
                return new Size(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new InputException(file, "unreadable image header (" + describe(e) + ")", e);
        }
    }

    public static BufferedImage read(Path file, Limits limits) throws InputException {
        Size size = size(file);
        checkPixels(file, size, limits);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = readerFor(file, in);
            try {
                reader.setInput(in, true, true);
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw new InputException(file, "image decoder returned nothing");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new InputException(file, "truncated or corrupt image (" + describe(e) + ")", e);
        }
    }

    /**
     * {@code image} as it is (no colour conversion) encoded by ImageIO's first JPEG writer at {@code quality}
     * (0 to 1), in memory.
     */
    public static byte[] encodeJpeg(BufferedImage image, float quality) {
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                w.setOutput(out);
                ImageWriteParam p = w.getDefaultWriteParam();
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(quality);
                w.write(null, new IIOImage(image, null, null), p);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            w.dispose();
        }
    }

    public static void checkPixels(Path file, Size size, Limits limits) throws InputException {
        if (size.width() <= 0 || size.height() <= 0) {
            throw new InputException(file, "image header gives an empty size " + size.width() + "x" + size.height());
        }
        if (size.pixels() > limits.maxPixels()) {
            throw new InputException(file, "image header claims " + size.width() + "x" + size.height()
                    + " pixels, over the limit of " + limits.maxPixels() + " (decompression bomb?)");
        }
    }

    private static ImageReader readerFor(Path file, ImageInputStream in) throws InputException {
        if (in == null) {
            throw new InputException(file, "cannot open");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new InputException(file, "not an image format this tool decodes");
        }
        return readers.next();
    }

    /** A decoder's complaint in words: its message, or what its kind of failure means (never a class name). */
    private static String describe(Throwable e) {
        String m = e.getMessage();
        if (m != null && !m.isBlank()) {
            return m.replaceAll("\\s+", " ");
        }
        return e instanceof java.io.EOFException ? "the data ends before the image does" : "the decoder gave no reason";
    }
}
