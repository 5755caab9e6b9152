package org.exhibit.report;

import org.exhibit.evidence.ErrorRate;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Measurement;
import org.exhibit.evidence.Report;

/**
 * The terminal summary: exhibits with hashes, then one block per finding with its measurements, threshold, the
 * error rate measured there and its limitations. Full detail is in JSON/HTML.
 */
public final class TextReportWriter {

    private TextReportWriter() {
    }

    public static String render(Report r) {
        StringBuilder s = new StringBuilder();
        s.append(r.title()).append("  (").append(r.tool().name()).append(' ').append(r.tool().version()).append(")\n");
        for (Exhibit e : r.exhibits()) {
            s.append("  ").append(e.role()).append(": ").append(e.path()).append("  ").append(e.mediaType())
                    .append("  ").append(e.size()).append(" bytes  sha256 ").append(e.sha256()).append('\n');
        }
        for (Finding f : r.findings()) {
            s.append('\n').append('[').append(f.verdict().label()).append("] ").append(f.rule()).append('\n')
                    .append("  ").append(f.statement()).append('\n');
            for (Measurement m : f.measurements()) {
                s.append("    ").append(m.name()).append(" = ").append(Numbers.format(m.value()))
                        .append(m.unit() == null || m.unit().isEmpty() ? "" : " " + m.unit()).append('\n');
            }
            if (f.threshold() != null) {
                s.append("    threshold: ").append(f.threshold().measurement()).append(' ')
                        .append(f.threshold().comparison()).append(' ').append(Numbers.format(f.threshold().value()))
                        .append('\n');
                ErrorRate e = f.threshold().errorRate();
                if (e != null) {
                    s.append("    error rate there: ").append(e.falsePositiveRate() == null ? "not measured"
                            : "false positives " + Numbers.format(e.falsePositiveRate()) + ", false negatives "
                            + Numbers.format(e.falseNegativeRate()) + (e.trials() == null ? "" : " (" + e.trials()
                            + " trials)")).append(e.source() == null ? "" : "; " + e.source()).append('\n');
                }
            }
            for (String l : f.limitations()) {
                s.append("    limitation: ").append(l).append('\n');
            }
        }
        return s.toString();
    }
}
