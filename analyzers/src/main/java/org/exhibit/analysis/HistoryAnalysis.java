package org.exhibit.analysis;

import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.sd.GenerationRecord;
import org.exhibit.sd.SdMetadata;
import org.exhibit.sd.history.CreativeHistory;
import org.exhibit.sd.history.HistoryEntry;
import org.exhibit.sd.history.RecordedTime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Adapter: the creator's generation steps, in order, and what changed at each ({@link CreativeHistory}). */
final class HistoryAnalysis implements Analysis {

    @Override
    public String name() {
        return "sd-history";
    }

    @Override
    public String question() {
        return "Which choices did the creator make from one generation to the next?";
    }

    @Override
    public String method() {
        return "The creator's output files are put in the order the generator saved them (its file counter, else the "
                + "times recorded in the files), and each generation record is compared with the one before: seed, "
                + "settings, LoRA weights, and the prompt word by word.";
    }

    @Override
    public String conclusionRule() {
        return "sd.history";
    }

    @Override
    public Set<String> required() {
        return Set.of(Roles.GENERATION_FOLDER);
    }

    @Override
    public List<Finding> run(AnalysisContext c) throws Exception {
        List<HistoryEntry> entries = new ArrayList<>();
        List<Exhibit> skipped = new ArrayList<>();
        c.eachInput(c.inputs(Roles.GENERATION_FOLDER), in -> {
            List<GenerationRecord> records = in.exhibit().mediaType().startsWith("image/")
                    ? SdMetadata.read(in.path(), c.limits()) : List.of();
            if (records.isEmpty()) {
                skipped.add(in.exhibit());
            } else {
                entries.add(HistoryEntry.of(in.exhibit(), RecordedTime.of(in.path()), records.get(0)));
            }
            return List.of();
        });
        return CreativeHistory.analyze(entries, skipped);
    }
}
