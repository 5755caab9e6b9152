package org.exhibit.sd;

import org.exhibit.io.Images;
import org.exhibit.io.InputException;
import org.exhibit.io.Limits;
import org.exhibit.io.container.ByteSource;
import org.exhibit.io.container.Jpeg;
import org.exhibit.io.container.Png;
import org.exhibit.io.container.Riff;
import org.exhibit.io.container.Webp;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The reader's entry point: finds the generation metadata in an image file, whatever generator wrote it, and
 * returns it normalised. Opens the file read-only and never decodes more than it needs; the containers are walked by
 * {@code org.exhibit.io.container} under {@link Limits}, and {@link SdCarriers} picks the items that hold records.
 */
public final class SdMetadata {

    private SdMetadata() {
    }

    /** The generation records in {@code file} (empty when it has none). */
    public static List<GenerationRecord> read(Path file, Limits limits) throws InputException {
        return scan(file, limits).records();
    }

    /** Records, text items and carrier anomalies of {@code file}. */
    public static SdReading scan(Path file, Limits limits) throws InputException {
        List<TextEntry> texts = new ArrayList<>();
        List<Anomaly> anomalies = new ArrayList<>();
        String container = "unknown";
        Integer width = null;
        Integer height = null;
        boolean pngAlpha = false;
        try (ByteSource src = ByteSource.open(file)) {
            byte[] head = src.readUpTo(0, 16);
            if (Png.READER.accepts(head)) {
                container = "PNG";
                Png.File png = Png.read(src, limits);
                SdCarriers.png(png, texts, anomalies);
                Png.Header h = png.header();
                if (h == null) {
                    throw new InputException(file, "PNG without an IHDR chunk");
                }
                width = h.width();
                height = h.height();
                pngAlpha = h.hasAlpha();
            } else if (Jpeg.READER.accepts(head)) {
                container = "JPEG";
                int[] d = SdCarriers.jpeg(Jpeg.read(src, limits), texts, anomalies);
                width = d == null ? null : d[0];
                height = d == null ? null : d[1];
            } else if (Webp.isWebp(head)) {
                container = "WEBP";
                int[] d = SdCarriers.webp(Riff.read(src, limits), texts, anomalies);
                width = d == null ? null : d[0];
                height = d == null ? null : d[1];
            }
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage(), e);
        }
        List<GenerationRecord> records = new ArrayList<>();
        Recognizers.recognize(texts, records, anomalies);
        if (container.equals("PNG") && (pngAlpha || records.isEmpty())) {
            TextEntry hidden = null;
            try {
                BufferedImage image = Images.read(file, limits);
                hidden = StealthPixels.read(image, limits.maxInflatedBytes(), anomalies);
            } catch (InputException e) {
                anomalies.add(new Anomaly("sd.pixels-unreadable", "The pixels could not be decoded ("
                        + e.problem() + "), so no metadata hidden in them (stealth pnginfo) could be looked for.",
                        "PNG IDAT", -1, 0));
            }
            if (hidden != null) {
                texts.add(hidden);
                Recognizers.recognize(List.of(hidden), records, anomalies);
            }
        }
        return new SdReading(container, width, height, records, texts, anomalies);
    }
}
