package org.exhibit.sd;

import org.exhibit.io.InputException;
import org.exhibit.io.Limits;

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
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (PngText.isPng(ch)) {
                container = "PNG";
                PngText.Header h = PngText.read(ch, limits, texts, anomalies);
                if (h == null) {
                    throw new InputException(file, "PNG without an IHDR chunk");
                }
                width = h.width();
                height = h.height();
            }
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage(), e);
        }
        List<GenerationRecord> records = new ArrayList<>();
        Recognizers.recognize(texts, records, anomalies);
        return new SdReading(container, width, height, records, texts, anomalies);
    }
}
