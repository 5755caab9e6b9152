package org.exhibit.sd.history;

import org.exhibit.sd.history.PromptTerms.Term;

import java.util.ArrayList;
import java.util.List;

/**
 * Word-level difference of two prompts: the longest common subsequence of their words (Hunt–McIlroy, as diff
 * does), then each run of words only in the later prompt is "added", each run only in the earlier one "removed",
 * and each run of common words whose attention weight changed "reweighted".
 */
final class PromptDiff {

    private PromptDiff() {
    }

    static List<Change> between(String field, String before, String after) {
        List<Term> a = PromptTerms.parse(before);
        List<Term> b = PromptTerms.parse(after);
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).text().equals(b.get(j).text()) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Change> out = new ArrayList<>();
        List<Term> removed = new ArrayList<>();
        List<Term> added = new ArrayList<>();
        List<Term[]> reweighted = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).text().equals(b.get(j).text())) {
                flush(field, removed, added, out);
                Term x = a.get(i++);
                Term y = b.get(j++);
                if (x.weight() != y.weight()) {
                    if (!reweighted.isEmpty() && (reweighted.get(0)[0].weight() != x.weight()
                            || reweighted.get(0)[1].weight() != y.weight())) {
                        flushWeights(field, reweighted, out);
                    }
                    reweighted.add(new Term[]{x, y});
                } else {
                    flushWeights(field, reweighted, out);
                }
            } else {
                flushWeights(field, reweighted, out);
                if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                    added.add(b.get(j++));
                } else {
                    removed.add(a.get(i++));
                }
            }
        }
        flush(field, removed, added, out);
        flushWeights(field, reweighted, out);
        return out;
    }

    private static void flush(String field, List<Term> removed, List<Term> added, List<Change> out) {
        if (!removed.isEmpty()) {
            out.add(new Change("words-removed", field, PromptTerms.render(removed), null));
            removed.clear();
        }
        if (!added.isEmpty()) {
            out.add(new Change("words-added", field, null, PromptTerms.render(added)));
            added.clear();
        }
    }

    private static void flushWeights(String field, List<Term[]> run, List<Change> out) {
        if (run.isEmpty()) {
            return;
        }
        out.add(new Change("words-reweighted", field, PromptTerms.render(run.stream().map(p -> p[0]).toList()),
                PromptTerms.render(run.stream().map(p -> p[1]).toList())));
        run.clear();
    }
}
