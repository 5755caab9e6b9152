package org.exhibit.sd.history;

import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.fixtures.LiVLiu;
import org.exhibit.io.Inputs;
import org.exhibit.io.Limits;
import org.exhibit.sd.SdMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Li v. Liu: the four generations the judgment describes, read back from A1111 PNGs, give exactly its changes. */
class LiVLiuHistoryTest {

    @TempDir
    Path dir;

    @Test
    void historyReportsExactlyTheJudgmentsSteps() throws Exception {
        List<LiVLiu.Step> steps = LiVLiu.steps();
        List<HistoryEntry> entries = new ArrayList<>();
        for (int i = steps.size() - 1; i >= 0; i--) { // given out of order: the counter in the names orders them
            Path p = dir.resolve(steps.get(i).fileName());
            Files.write(p, LiVLiu.png(steps.get(i), i));
            Exhibit e = Inputs.open(p, "input", Limits.DEFAULT);
            entries.add(HistoryEntry.of(e, null, SdMetadata.read(p, Limits.DEFAULT).get(0)));
        }
        List<Finding> f = CreativeHistory.analyze(entries, List.of());
        assertEquals(List.of("sd.history", "sd.history-step", "sd.history-step", "sd.history-step"),
                f.stream().map(Finding::rule).toList());
        assertEquals("A1111 file-name counter", f.get(0).data().get("order"));
        assertEquals(List.of(row("seed", "Seed", "2692150200", "2692150199")), f.get(1).data().get("changes"));
        assertEquals(List.of(row("words-added", "Prompt", "", LiVLiu.ADDED_FIRST)), f.get(2).data().get("changes"));
        assertEquals(List.of(row("words-added", "Prompt", "", LiVLiu.ADDED_SECOND)), f.get(3).data().get("changes"));
        assertEquals("Step 2, 00001-2692150199.png after 00000-2692150200.png: Seed 2692150200 → 2692150199.",
                f.get(1).statement());
        assertEquals(3.0, f.get(0).measurement("changes"));
        // the seed change points at the Seed field's bytes in the later file
        assertEquals("Seed", f.get(1).evidence().get(2).field());
    }

    private static Map<String, Object> row(String kind, String field, String before, String after) {
        return Map.of("change", kind, "field", field, "from", before, "to", after);
    }
}
