package org.exhibit.label;

import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Region;
import org.exhibit.evidence.Verdict;
import org.exhibit.io.InputException;
import org.exhibit.io.Limits;
import org.exhibit.sd.GenerationRecord;
import org.exhibit.sd.SdAnalyzer;
import org.exhibit.sd.SdMetadata;
import org.exhibit.sd.SdReading;

import java.nio.file.Path;
import java.util.List;

/** Stable Diffusion generation records (read by the sd analyzer) as generator marks. */
final class SdMarkFindings {

    private SdMarkFindings() {
    }

    static void add(Exhibit exhibit, Path file, Limits limits, Marks marks, List<Finding> out) {
        SdReading reading;
        try {
            reading = SdMetadata.scan(file, limits);
        } catch (InputException e) {
            return; // the sd reader cannot parse this container; the label carriers were read on their own
        }
        for (GenerationRecord r : reading.records()) {
            org.exhibit.sd.Source s = r.source();
            EvidencePointer at = s.offset() >= 0 ? EvidencePointer.bytes(exhibit, s.describe(), s.offset(), s.length())
                    : EvidencePointer.pixels(exhibit, s.describe(), new Region(0, 0,
                    reading.width() == null ? 1 : reading.width(), reading.height() == null ? 1 : reading.height()));
            String what = r.generator() + " generation record in " + s.describe()
                    + (r.model() == null ? "" : " (model " + r.model() + ")");
            out.add(Finding.builder(LabelAnalyzer.ANALYZER, "label.sd-metadata", SdAnalyzer.READER)
                    .verdict(Verdict.INFO)
                    .statement(exhibit.path() + " holds a " + what + ": a generator mark, not an AI label.")
                    .evidence(at).data("generator", r.generator())
                    .limitation("Generation metadata is plain text that anyone can write, edit or strip.")
                    .build());
            marks.generatorMarks.add(new Marks.Mark("sd-metadata", what, at));
        }
    }
}
