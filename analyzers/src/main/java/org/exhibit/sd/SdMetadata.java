package org.exhibit.sd;

import org.exhibit.io.Images;
import org.exhibit.io.InputException;
import org.exhibit.io.Limits;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The reader's entry point: finds the generation metadata in an image file, whatever generator wrote it, and
 * returns it normalised. Opens the file read-only and never decodes more than it needs.
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
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (PngText.isPng(ch)) {
                container = "PNG";
                PngText.Header h = PngText.read(ch, limits, texts, anomalies);
                if (h == null) {
                    throw new InputException(file, "PNG without an IHDR chunk");
                }
                width = h.width();
                height = h.height();
                pngAlpha = h.hasAlpha();
            } else if (JpegText.isJpeg(ch)) {
                container = "JPEG";
                int[] d = JpegText.read(ch, texts, anomalies);
                width = d == null ? null : d[0];
                height = d == null ? null : d[1];
            } else if (WebpText.isWebp(ch)) {
                container = "WEBP";
                int[] d = WebpText.read(ch, limits.maxInflatedBytes(), texts, anomalies);
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
