package org.exhibit.sd.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts a creator's outputs in the order they were made. A1111's save counter is the best witness (the webui
 * numbers files in a folder as it saves them); next the time the file records of itself (PNG tIME, EXIF
 * DateTimeOriginal); the file name last. File-system times are not used: copying changes them.
 */
final class HistoryOrder {

    enum Basis {
        COUNTER("A1111 file-name counter"), TIME("time recorded in each file (PNG tIME / EXIF)"),
        NAME("file name (no counter or recorded time in every file)");

        final String words;

        Basis(String words) {
            this.words = words;
        }
    }

    record Ordered(List<HistoryEntry> entries, Basis basis) {
    }

    private HistoryOrder() {
    }

    static Ordered sort(List<HistoryEntry> entries) {
        List<HistoryEntry> list = new ArrayList<>(entries);
        Comparator<HistoryEntry> byName = Comparator.comparing(HistoryEntry::name);
        if (!list.isEmpty() && list.stream().allMatch(e -> e.counter() != null)) {
            list.sort(Comparator.comparing(HistoryEntry::counter).thenComparing(byName));
            return new Ordered(list, Basis.COUNTER);
        }
        if (!list.isEmpty() && list.stream().allMatch(e -> e.time() != null)) {
            list.sort(Comparator.comparing(HistoryEntry::time).thenComparing(byName));
            return new Ordered(list, Basis.TIME);
        }
        list.sort(byName);
        return new Ordered(list, Basis.NAME);
    }

    /** Pairs of consecutive entries (by the chosen order) whose recorded times run backwards. */
    static List<HistoryEntry[]> timeConflicts(Ordered o) {
        List<HistoryEntry[]> out = new ArrayList<>();
        if (o.basis() == Basis.TIME) {
            return out;
        }
        HistoryEntry last = null;
        for (HistoryEntry e : o.entries()) {
            if (e.time() == null) {
                continue;
            }
            if (last != null && e.time().isBefore(last.time())) {
                out.add(new HistoryEntry[]{last, e});
            }
            last = e;
        }
        return out;
    }
}
