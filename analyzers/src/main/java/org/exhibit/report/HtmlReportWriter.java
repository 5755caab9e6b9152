package org.exhibit.report;

import org.exhibit.evidence.ErrorRate;
import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Figure;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Measurement;
import org.exhibit.evidence.ModelUse;
import org.exhibit.evidence.Report;
import org.exhibit.evidence.Threshold;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.exhibit.report.Html.esc;

/**
 * A self-contained XHTML page for people (figures inlined as data URIs, no scripts, no external files), and the
 * source the PDF is rendered from. Structure: heading, summary table, exhibits with hashes, one section per
 * finding (statement, measurements, threshold and error rate, method, evidence, figures, limitations,
 * details), models, options.
 */
public final class HtmlReportWriter {

    static final String FONT_FAMILY = "Noto Sans SC";

    private HtmlReportWriter() {
    }

    public static byte[] write(Report report) {
        return render(report).getBytes(StandardCharsets.UTF_8);
    }

    public static String render(Report r) {
        if (CourtReportWriter.isBundleReport(r)) {
            return CourtReportWriter.render(r); // a case bundle's report: the layout an expert files in court
        }
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>").append(esc(r.title())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(r.title())).append("</h1>\n<p class=\"meta\">Report by ")
                .append(esc(r.tool().name())).append(' ').append(esc(r.tool().version()))
                .append(" (build ").append(esc(r.tool().commit())).append("), ")
                .append(r.createdAt() != null ? esc(r.createdAt())
                        : "rendered " + esc(org.exhibit.evidence.Clock.now()) + " (the JSON record carries no time)")
                .append(". Format ").append(esc(r.schema()))
                .append(". This page renders report.json; the JSON is the record.</p>\n");
        summary(h, r);
        exhibits(h, r.exhibits());
        Map<String, String> names = new HashMap<>();
        r.exhibits().forEach(e -> names.putIfAbsent(e.sha256(), e.path()));
        h.append("<h2>Findings</h2>\n");
        int n = 0;
        for (Finding f : r.findings()) {
            finding(h, ++n, f, names);
        }
        if (r.findings().isEmpty()) {
            h.append("<p>No findings.</p>\n");
        }
        models(h, r.models());
        options(h, r.options());
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void summary(StringBuilder h, Report r) {
        h.append("<h2>Summary</h2>\n<table class=\"summary\"><thead><tr><th>#</th><th>Verdict</th>")
                .append("<th>Finding</th><th>Analyzer / rule</th></tr></thead><tbody>\n");
        int n = 0;
        for (Finding f : r.findings()) {
            n++;
            h.append("<tr><td><a href=\"#f").append(n).append("\">").append(n).append("</a></td><td>")
                    .append(badge(f)).append("</td><td>").append(esc(f.statement())).append("</td><td class=\"mono\">")
                    .append(esc(f.rule())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    static void exhibits(StringBuilder h, List<Exhibit> exhibits) {
        h.append("<h2>Exhibits</h2>\n<table><thead><tr><th>Role</th><th>File</th><th>Type</th><th>Bytes</th>")
                .append("<th>SHA-256</th></tr></thead><tbody>\n");
        for (Exhibit e : exhibits) {
            h.append("<tr><td>").append(esc(e.role())).append("</td><td>").append(esc(e.path())).append("</td><td>")
                    .append(esc(e.mediaType())).append("</td><td class=\"num\">").append(e.size())
                    .append("</td><td class=\"mono hash\">").append(esc(e.sha256())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    static void finding(StringBuilder h, int n, Finding f, Map<String, String> names) {
        h.append("<div class=\"finding\" id=\"f").append(n).append("\">\n<h3>").append(n).append(". ")
                .append(esc(f.statement())).append("</h3>\n<p>").append(badge(f)).append(" <span class=\"mono\">")
                .append(esc(f.rule())).append("</span></p>\n");
        h.append("<p><b>Method:</b> ").append(esc(f.method().name())).append(", version ")
                .append(esc(f.method().version()));
        if (f.method().reference() != null) {
            h.append(". Reference: ").append(esc(f.method().reference()));
        }
        h.append(".</p>\n");
        if (!f.measurements().isEmpty()) {
            h.append("<table class=\"kv\"><thead><tr><th>Measurement</th><th>Value</th><th>Unit</th></tr></thead><tbody>\n");
            for (Measurement m : f.measurements()) {
                h.append("<tr><td>").append(esc(m.name())).append("</td><td class=\"num\">")
                        .append(esc(Numbers.format(m.value()))).append("</td><td>").append(esc(m.unit()))
                        .append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        if (f.threshold() != null) {
            threshold(h, f.threshold());
        }
        if (!f.evidence().isEmpty()) {
            h.append("<p><b>Evidence:</b></p>\n<ul class=\"evidence\">\n");
            for (EvidencePointer p : f.evidence()) {
                h.append("<li>").append(esc(describe(p, names))).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        for (Figure fig : f.figures()) {
            h.append("<div class=\"figure\"><img alt=\"").append(esc(fig.caption())).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(fig.png())).append("\"/>\n<p class=\"caption\">")
                    .append(esc(fig.caption())).append("</p></div>\n");
        }
        if (!f.limitations().isEmpty()) {
            h.append("<p><b>Limitations:</b></p>\n<ul>\n");
            f.limitations().forEach(l -> h.append("<li>").append(esc(l)).append("</li>\n"));
            h.append("</ul>\n");
        }
        if (!f.data().isEmpty()) {
            h.append("<p><b>Details:</b></p>\n");
            DataTable.render(h, plain(f.data()));
        }
        h.append("</div>\n");
    }

    private static void threshold(StringBuilder h, Threshold t) {
        h.append("<p><b>Threshold:</b> ").append(esc(t.measurement())).append(' ').append(esc(t.comparison()))
                .append(' ').append(esc(Numbers.format(t.value()))).append(". ");
        ErrorRate e = t.errorRate();
        if (e == null) {
            h.append("Error rate: not measured.");
        } else {
            if (e.falsePositiveRate() != null || e.falseNegativeRate() != null) {
                h.append("Measured error rates at this threshold: false positives ")
                        .append(e.falsePositiveRate() == null ? "not measured" : esc(Numbers.percent(e.falsePositiveRate())))
                        .append(", false negatives ")
                        .append(e.falseNegativeRate() == null ? "not measured" : esc(Numbers.percent(e.falseNegativeRate())));
                if (e.trials() != null) {
                    h.append(", over ").append(e.trials()).append(" trials");
                }
                h.append(". ");
            } else {
                h.append("Error rate not measured. ");
            }
            if (e.source() != null) {
                h.append("Source: ").append(esc(e.source())).append('.');
            }
        }
        h.append("</p>\n");
    }

    static String describe(EvidencePointer p, Map<String, String> names) {
        StringBuilder s = new StringBuilder(names.getOrDefault(p.exhibit(), p.exhibit() == null ? "" : p.exhibit()));
        if (p.carrier() != null) {
            s.append(", ").append(p.carrier());
        }
        if (p.field() != null) {
            s.append(", field ").append(p.field());
        }
        if (p.offset() != null) {
            s.append(", bytes ").append(p.offset());
            if (p.length() != null) {
                s.append("–").append(p.offset() + p.length() - 1).append(" (").append(p.length()).append(" bytes)");
            }
        }
        if (p.region() != null) {
            s.append(", pixels x ").append(p.region().x()).append(", y ").append(p.region().y()).append(", ")
                    .append(p.region().width()).append("×").append(p.region().height());
        }
        if (p.start() != null) {
            s.append(", ").append(Numbers.format(p.start())).append(" s – ")
                    .append(Numbers.format(p.end() == null ? p.start() : p.end())).append(" s");
        }
        return s.toString();
    }

    static void models(StringBuilder h, List<ModelUse> models) {
        if (models.isEmpty()) {
            return;
        }
        h.append("<h2>Models</h2>\n<table><thead><tr><th>Name</th><th>Version</th><th>Licence</th><th>Source</th>")
                .append("<th>SHA-256</th></tr></thead><tbody>\n");
        for (ModelUse m : models) {
            h.append("<tr><td>").append(esc(m.name())).append("</td><td>").append(esc(m.version())).append("</td><td>")
                    .append(esc(m.licence())).append("</td><td>").append(esc(m.source()))
                    .append("</td><td class=\"mono hash\">").append(esc(m.sha256())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void options(StringBuilder h, Map<String, Object> options) {
        h.append("<h2>Options</h2>\n");
        if (options.isEmpty()) {
            h.append("<p>Defaults only.</p>\n");
        } else {
            DataTable.render(h, plain(options));
        }
    }

    /** Records and beans in a finding's data become the maps and lists their JSON shows. */
    static Map<?, ?> plain(Map<String, Object> data) {
        return JsonReportWriter.mapper().convertValue(data, Map.class);
    }

    static String badge(Finding f) {
        return "<span class=\"verdict v-" + f.verdict().label() + "\">" + esc(f.verdict().label()) + "</span>";
    }

    static boolean isTable(Object v) {
        return v instanceof Collection<?> c && !c.isEmpty() && c.stream().allMatch(e -> e instanceof Map<?, ?>);
    }

    static final String CSS = """
            body { font-family: '%s', 'DejaVu Sans', sans-serif; font-size: 10.5pt; color: #1a1a1a; margin: 2em auto; max-width: 60em; line-height: 1.4; }
            h1 { font-size: 18pt; margin-bottom: 0.2em; }
            h2 { font-size: 14pt; border-bottom: 1px solid #999; margin-top: 1.6em; }
            h3 { font-size: 11.5pt; margin-bottom: 0.3em; }
            .meta { color: #555; }
            table { border-collapse: collapse; margin: 0.5em 0; width: 100%%; }
            th, td { border: 1px solid #bbb; padding: 3px 6px; text-align: left; vertical-align: top; }
            th { background: #eee; }
            td.num { text-align: right; white-space: nowrap; }
            .mono { font-family: 'DejaVu Sans Mono', monospace; font-size: 9pt; }
            .hash { word-break: break-all; }
            td.text { white-space: pre-wrap; word-break: break-word; }
            .finding { border-left: 3px solid #ccc; padding-left: 0.8em; margin: 1.2em 0; page-break-inside: auto; }
            .figure { margin: 0.6em 0; page-break-inside: avoid; }
            .figure img { max-width: 100%%; border: 1px solid #ccc; }
            .caption { font-size: 9pt; color: #444; margin-top: 0.2em; }
            .verdict { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 9pt; font-weight: bold; color: #fff; }
            .v-info { background: #607d8b; }
            .v-inconclusive { background: #9e9e9e; }
            .v-contradicts { background: #2e7d32; }
            .v-indicates { background: #ef6c00; }
            .v-strongly-indicates { background: #c62828; }
            """.formatted(FONT_FAMILY);
}
