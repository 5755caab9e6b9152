package org.exhibit.sd.history;

import org.exhibit.bench.ErrorRates;
import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Method;
import org.exhibit.evidence.Threshold;
import org.exhibit.evidence.Verdict;
import org.exhibit.sd.GenerationRecord;
import org.exhibit.sd.Source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reconstructs a creator's sequence of generations and says, step by step, what they changed: seed, parameters,
 * LoRAs and their weights, words added to or removed from the prompts, and re-weighted words. These are the
 * "choices and arrangements" a court weighs when it asks whether a person shaped the output.
 */
public final class CreativeHistory {

    public static final String ANALYZER = "sd";
    public static final Method METHOD = new Method("Creative history of generation records", "1",
            "prompts parsed as AUTOMATIC1111 modules/prompt_parser.py parse_prompt_attention and compared word by "
                    + "word (longest common subsequence, Hunt–McIlroy); order from A1111 file names "
                    + "[number]-[seed] (modules/images.py), PNG tIME, EXIF DateTimeOriginal");
    private static final String LIMIT = "The history is what the records say; records can be written or edited by "
            + "hand, and files the creator did not keep leave gaps between steps.";

    private CreativeHistory() {
    }

    /**
     * @param entries the creator's outputs that hold a generation record, in any order
     * @param skipped files that held no record (named in the summary)
     */
    public static List<Finding> analyze(List<HistoryEntry> entries, List<Exhibit> skipped) {
        HistoryOrder.Ordered ordered = HistoryOrder.sort(entries);
        List<HistoryEntry> list = ordered.entries();
        List<Finding> steps = new ArrayList<>();
        List<Map<String, Object>> table = new ArrayList<>();
        int changeCount = 0;
        for (int i = 0; i < list.size(); i++) {
            HistoryEntry e = list.get(i);
            List<Change> changes = i == 0 ? List.of() : GenerationDiff.between(list.get(i - 1).generation(),
                    e.generation());
            changeCount += changes.size();
            table.add(row(i + 1, e, changes));
            if (i > 0) {
                steps.add(step(i + 1, list.get(i - 1), e, changes));
            }
        }
        List<Finding> out = new ArrayList<>();
        out.add(summary(ordered, table, changeCount, skipped));
        out.addAll(steps);
        out.addAll(consistency(ordered));
        return out;
    }

    private static Finding summary(HistoryOrder.Ordered o, List<Map<String, Object>> table, int changes,
                                   List<Exhibit> skipped) {
        int n = o.entries().size();
        Finding.Builder b = Finding.builder(ANALYZER, "sd.history", METHOD)
                .statement(n + " generation" + (n == 1 ? "" : "s") + " ordered by " + o.basis().words + ": "
                        + Math.max(0, n - 1) + " step" + (n == 2 ? "" : "s") + " with " + changes + " recorded change"
                        + (changes == 1 ? "" : "s") + (skipped.isEmpty() ? "" : "; " + skipped.size()
                        + " file(s) without a generation record left out") + ".")
                .measure("generations", n, "files").measure("changes", changes, "changes")
                .threshold(new Threshold("changes reported between two generations", ">=", 1,
                        ErrorRates.of("sd-hash", "history-diff")))
                .limitation(LIMIT)
                .data("order", o.basis().words).data("steps", table);
        if (!skipped.isEmpty()) {
            b.data("withoutRecord", skipped.stream().map(Exhibit::path).toList());
        }
        o.entries().forEach(e -> b.evidence(recordPointer(e)));
        return b.build();
    }

    private static Finding step(int number, HistoryEntry before, HistoryEntry after, List<Change> changes) {
        String what = changes.isEmpty() ? "no recorded setting changed (a re-run or a copy)"
                : changes.stream().map(Change::describe).collect(Collectors.joining("; "));
        Finding.Builder b = Finding.builder(ANALYZER, "sd.history-step", METHOD)
                .statement("Step " + number + ", " + after.name() + " after " + before.name() + ": " + what + ".")
                .measure("step", number, "").measure("changes", changes.size(), "changes")
                .evidence(recordPointer(before)).evidence(recordPointer(after))
                .data("before", before.exhibit().path()).data("after", after.exhibit().path());
        if (!changes.isEmpty()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Change c : changes) {
                Map<String, Object> row = new LinkedHashMap<>();
                // keys chosen so that the sorted order (reports sort map keys) reads naturally
                row.put("change", c.kind());
                row.put("field", c.field());
                row.put("from", c.before() == null ? "" : c.before());
                row.put("to", c.after() == null ? "" : c.after());
                rows.add(row);
                EvidencePointer field = fieldPointer(after, c.field());
                if (field != null) {
                    b.evidence(field);
                }
            }
            b.data("changes", rows);
        }
        return b.build();
    }

    private static List<Finding> consistency(HistoryOrder.Ordered o) {
        List<Finding> out = new ArrayList<>();
        for (HistoryEntry e : o.entries()) {
            Long seed = e.record().seed();
            if (e.nameSeed() != null && seed != null && !e.nameSeed().equals(seed)) {
                out.add(Finding.builder(ANALYZER, "sd.history-name-seed", METHOD).verdict(Verdict.INDICATES)
                        .statement(e.name() + " is named for seed " + e.nameSeed() + " but its record says Seed "
                                + seed + ": the file was renamed or its record edited.")
                        .evidence(EvidencePointer.field(e.exhibit(), "file name", e.name()))
                        .evidence(fieldPointerOr(e, "Seed"))
                        .limitation("A1111 names files [number]-[seed] by default, but the pattern can be changed "
                                + "(Settings → Images filename pattern).")
                        .build());
            }
        }
        for (HistoryEntry[] pair : HistoryOrder.timeConflicts(o)) {
            out.add(Finding.builder(ANALYZER, "sd.history-order-conflict", METHOD).verdict(Verdict.INDICATES)
                    .statement(pair[1].name() + " comes after " + pair[0].name() + " by " + o.basis().words
                            + " but records an earlier time (" + pair[1].time() + " < " + pair[0].time() + ").")
                    .evidence(EvidencePointer.field(pair[0].exhibit(), "recorded time", pair[0].time().toString()))
                    .evidence(EvidencePointer.field(pair[1].exhibit(), "recorded time", pair[1].time().toString()))
                    .limitation("The camera-style time comes from the generator host's clock, which can be wrong.")
                    .build());
        }
        return out;
    }

    private static Map<String, Object> row(int step, HistoryEntry e, List<Change> changes) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("#", step); // keys sort as #, file, seed, what changed
        row.put("file", e.exhibit().path());
        row.put("seed", e.record().seed() == null ? "" : e.record().seed().toString());
        row.put("what changed", step == 1 ? "(first)" : changes.isEmpty() ? "none"
                : changes.stream().map(Change::describe).collect(Collectors.joining("; ")));
        return row;
    }

    /** The record's carrier in the file. */
    static EvidencePointer recordPointer(HistoryEntry e) {
        Source s = e.record().source();
        return s == null ? EvidencePointer.field(e.exhibit(), "generation record", null)
                : EvidencePointer.bytes(e.exhibit(), s.describe(), s.offset(), s.length());
    }

    /** The bytes of one field of the record (its key and value), when the text is stored uncompressed. */
    static EvidencePointer fieldPointer(HistoryEntry e, String field) {
        GenerationRecord r = e.record();
        Source s = r.source();
        if (s == null || r.rawText() == null) {
            return null;
        }
        if (field.equals("Prompt") || field.equals("Negative prompt")) {
            String text = field.equals("Prompt") ? r.prompt() : r.negativePrompt();
            int at = text == null ? -1 : r.rawText().indexOf(text);
            Long offset = at < 0 ? null : s.fileOffset(r.rawText(), at);
            return offset == null ? null : new EvidencePointer(e.exhibit().sha256(), s.describe(), field, offset,
                    s.byteLength(text), null, null, null);
        }
        for (org.exhibit.sd.Param p : r.parameters()) {
            if (p.key().equals(field) && p.textOffset() >= 0) {
                Long offset = s.fileOffset(r.rawText(), p.textOffset());
                if (offset != null) {
                    String part = r.rawText().substring(p.textOffset(), p.textOffset() + p.textLength());
                    return new EvidencePointer(e.exhibit().sha256(), s.describe(), field, offset, s.byteLength(part),
                            null, null, null);
                }
            }
        }
        return null;
    }

    private static EvidencePointer fieldPointerOr(HistoryEntry e, String field) {
        EvidencePointer p = fieldPointer(e, field);
        return p != null ? p : recordPointer(e).withField(field);
    }
}
