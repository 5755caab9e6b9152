package org.exhibit.sd;

import java.util.List;

/** Decides which generator's format each text item is in and hands it to that format's reader. */
final class Recognizers {

    private Recognizers() {
    }

    static void recognize(List<TextEntry> texts, List<GenerationRecord> records, List<Anomaly> anomalies) {
        for (TextEntry t : texts) {
            String k = t.keyword();
            String text = t.text();
            if ((k.equals("parameters") || k.equals("UserComment")) && !text.stripLeading().startsWith("{")) {
                records.add(InfotextRecord.from(text, t.source()));
            }
        }
    }
}
