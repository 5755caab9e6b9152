package org.exhibit.sd;

import java.util.List;

/**
 * Everything read from one file: the generation records, the text items they came from, and what was wrong with
 * the carrier.
 *
 * @param container "PNG", "JPEG", "WEBP" or "unknown"
 * @param width     pixel width from the image header, or null
 * @param height    pixel height from the image header, or null
 * @param records   one per generation found (ComfyUI: one per sampler)
 * @param texts     every text item read (including ones that held no record)
 * @param anomalies problems found in the carrier
 */
public record SdReading(String container, Integer width, Integer height, List<GenerationRecord> records,
                        List<TextEntry> texts, List<Anomaly> anomalies) {

    public SdReading {
        records = List.copyOf(records);
        texts = List.copyOf(texts);
        anomalies = List.copyOf(anomalies);
    }
}
