package org.exhibit.report;

import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Report;
import org.exhibit.evidence.Verdict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.exhibit.report.Html.esc;

/**
 * The HTML (and so PDF) layout of a case bundle's report, as an expert files it: a cover (case, date, tool
 * version, bundle hash), the conclusions, the exhibits with SHA-256 and provenance, one section per analysis
 * (question, method in plain words, then each finding with its measurements, threshold, measured error rate,
 * limitations and figures, and the itemised comparison list where an analyzer gives one), the policy checks,
 * and an appendix with every parameter, the models' hashes and how to repeat the run. It reads only the
 * report's JSON shape, so it renders report.json read back as well as a fresh run.
 */
final class CourtReportWriter {

    private CourtReportWriter() {
    }

    static boolean isBundleReport(Report r) {
        return r.options().containsKey("bundle") && r.options().containsKey("analyses");
    }

    static String render(Report r) {
        Map<?, ?> o = HtmlReportWriter.plain(r.options());
        Map<?, ?> bundle = (Map<?, ?>) o.get("bundle");
        Map<?, ?> manifest = o.get("manifest") instanceof Map<?, ?> m ? m : Map.of();
        List<?> analyses = o.get("analyses") instanceof List<?> l ? l : List.of();
        Map<String, String> names = new HashMap<>();
        r.exhibits().forEach(e -> names.putIfAbsent(e.sha256(), e.path()));
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>").append(esc(r.title())).append("</title>\n<style>\n")
                .append(HtmlReportWriter.CSS).append(CSS).append("</style>\n</head>\n<body>\n");
        cover(h, r, bundle, manifest);
        conclusions(h, r, analyses);
        exhibits(h, r, manifest);
        h.append("<h2 class=\"new-page\">3. Analyses</h2>\n");
        int n = 0;
        for (Object a : analyses) {
            Map<?, ?> step = (Map<?, ?>) a;
            h.append("<h2 class=\"analysis\">3.").append(++n).append(". ").append(esc(step.get("question"))).append("</h2>\n")
                    .append("<p><b>Analysis:</b> <span class=\"mono\">").append(esc(step.get("id"))).append("</span>. ")
                    .append("<b>Method in plain words:</b> ").append(esc(step.get("method"))).append("</p>\n");
            if (step.get("inputs") instanceof Map<?, ?> in && !in.isEmpty()) {
                h.append("<p><b>Exhibits examined:</b></p>\n");
                DataTable.render(h, in);
            }
            int first = ((Number) step.get("firstFinding")).intValue();
            List<Finding> fs = range(r, step);
            for (int k = 0; k < fs.size(); k++) {
                HtmlReportWriter.finding(h, first + k + 1, fs.get(k), names);
            }
        }
        h.append("<h2 class=\"new-page\">4. Integrity of the bundle and policy checks</h2>\n");
        for (int k = 0; k < r.findings().size(); k++) {
            if (r.findings().get(k).analyzer().equals("bundle")) {
                HtmlReportWriter.finding(h, k + 1, r.findings().get(k), names);
            }
        }
        appendix(h, r, o, analyses, bundle);
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void cover(StringBuilder h, Report r, Map<?, ?> bundle, Map<?, ?> manifest) {
        h.append("<div class=\"cover\">\n<p class=\"kicker\">Expert report on digital evidence</p>\n<h1>")
                .append(esc(r.title())).append("</h1>\n<table class=\"kv cover-table\"><tbody>\n");
        row(h, "Case", r.title());
        row(h, "Date", r.createdAt() != null ? r.createdAt() + " (recorded in the bundle when it was made)"
                : "not recorded; rendered " + org.exhibit.evidence.Clock.now());
        row(h, "Tool", r.tool().name() + " " + r.tool().version() + ", build " + r.tool().commit());
        row(h, "Bundle", bundle.get("name") + ": " + bundle.get("files") + " files, " + bundle.get("payloadBytes")
                + " bytes of exhibits");
        h.append("<tr><th>Bundle SHA-256</th><td class=\"mono hash\">").append(esc(bundle.get("sha256")))
                .append("<br/><span class=\"caption\">SHA-256 of ").append(esc(bundle.get("hashOf")))
                .append(", which fixes the hash of every file in the bundle and of its case manifest</span></td></tr>\n");
        row(h, "Record", "report.json (format " + r.schema() + "); this document renders it");
        h.append("</tbody></table>\n");
        if (manifest.get("notes") != null) {
            h.append("<p class=\"notes\">").append(esc(manifest.get("notes"))).append("</p>\n");
        }
        h.append("</div>\n");
    }

    private static void conclusions(StringBuilder h, Report r, List<?> analyses) {
        h.append("<h2 class=\"new-page\">1. Conclusions</h2>\n<table><thead><tr><th>Question</th><th>Verdict</th>")
                .append("<th>Conclusion</th></tr></thead><tbody>\n");
        for (Object a : analyses) {
            Map<?, ?> step = (Map<?, ?>) a;
            List<Finding> fs = range(r, step);
            // the answer is the analysis's own combined conclusion where it has one, never a single method's
            // stronger verdict; analyses that only read report their weighed findings
            List<Finding> conclusions = fs.stream().filter(f -> f.rule().equals(step.get("conclusionRule"))).toList();
            List<Finding> weighed = !conclusions.isEmpty() ? conclusions
                    : fs.stream().filter(f -> f.verdict() != Verdict.INFO).toList();
            Finding top = (conclusions.isEmpty() ? fs : conclusions).stream()
                    .max((x, y) -> x.verdict().compareTo(y.verdict())).orElse(null);
            h.append("<tr><td>").append(esc(step.get("question"))).append("</td><td>")
                    .append(top == null ? "" : HtmlReportWriter.badge(top)).append("</td><td>");
            List<Finding> shown = weighed.isEmpty() ? fs : weighed;
            if (shown.isEmpty()) {
                h.append("No findings.");
            }
            for (Finding f : shown.subList(0, Math.min(4, shown.size()))) {
                h.append("<p>").append(esc(f.statement())).append(" <a href=\"#f").append(number(r, f))
                        .append("\">[").append(number(r, f)).append("]</a></p>");
            }
            if (shown.size() > 4) {
                h.append("<p>… and ").append(shown.size() - 4).append(" more findings in section 3.</p>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        List<Finding> checks = r.findings().stream().filter(f -> f.rule().equals(JUnitXmlWriter.CHECK_RULE)).toList();
        if (!checks.isEmpty()) {
            h.append("<h3>Policy checks</h3>\n<table><thead><tr><th>Check</th><th>Result</th><th>Detail</th></tr>")
                    .append("</thead><tbody>\n");
            for (Finding c : checks) {
                boolean passed = Boolean.TRUE.equals(c.data().get("passed"));
                h.append("<tr><td class=\"mono\">").append(esc(c.data().get("check"))).append("</td><td><span class=\"")
                        .append(passed ? "pass\">passed" : "fail\">FAILED").append("</span></td><td>")
                        .append(esc(c.statement())).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
    }

    private static void exhibits(StringBuilder h, Report r, Map<?, ?> manifest) {
        Map<String, String> provenance = new HashMap<>();
        if (manifest.get("exhibits") instanceof List<?> l) {
            for (Object e : l) {
                Map<?, ?> m = (Map<?, ?>) e;
                if (m.get("provenance") != null) {
                    provenance.put(String.valueOf(m.get("file")).replaceAll("/+$", ""), String.valueOf(m.get("provenance")));
                }
            }
        }
        h.append("<h2>2. Exhibits</h2>\n<table><thead><tr><th>#</th><th>Role</th><th>File</th><th>Type</th>")
                .append("<th>Bytes</th><th>SHA-256</th></tr></thead><tbody>\n");
        int n = 0;
        for (var e : r.exhibits()) {
            h.append("<tr><td>E").append(++n).append("</td><td>").append(esc(e.role())).append("</td><td>")
                    .append(esc(e.path()));
            String note = provenanceOf(e.path(), provenance);
            if (note != null) {
                h.append("<br/><span class=\"caption\">").append(esc(note)).append("</span>");
            }
            h.append("</td><td>").append(esc(e.mediaType())).append("</td><td class=\"num\">").append(e.size())
                    .append("</td><td class=\"mono hash\">").append(hash(e.sha256())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static String provenanceOf(String path, Map<String, String> provenance) {
        int data = path.indexOf("/data/");
        String rel = data < 0 ? path : path.substring(data + 6);
        for (String p = rel; !p.isEmpty(); p = p.contains("/") ? p.substring(0, p.lastIndexOf('/')) : "") {
            if (provenance.containsKey(p)) {
                return provenance.get(p);
            }
        }
        return null;
    }

    private static void appendix(StringBuilder h, Report r, Map<?, ?> o, List<?> analyses, Map<?, ?> bundle) {
        h.append("<h2 class=\"new-page\">Appendix A. Parameters of every analysis</h2>\n");
        for (Object a : analyses) {
            Map<?, ?> step = (Map<?, ?>) a;
            h.append("<h3 class=\"mono\">").append(esc(step.get("id"))).append(" (").append(esc(step.get("analysis")))
                    .append(")</h3>\n");
            if (step.get("params") instanceof Map<?, ?> p && !p.isEmpty()) {
                DataTable.render(h, p);
            } else {
                h.append("<p>No parameters: the method has none to set.</p>\n");
            }
        }
        h.append("<h3>Input limits</h3>\n<p>Largest image decoded: ").append(esc(o.get("maxPixels")))
                .append(" pixels; largest file read: ").append(esc(o.get("maxFileBytes"))).append(" bytes.</p>\n");
        h.append("<h2>Appendix B. Models</h2>\n");
        if (r.models().isEmpty()) {
            h.append("<p>No model weights were used by these findings.</p>\n");
        } else {
            HtmlReportWriter.models(h, r.models());
        }
        h.append("<h2>Appendix C. Repeating this analysis</h2>\n<ol>\n<li>Obtain ").append(esc(r.tool().name()))
                .append(' ').append(esc(r.tool().version())).append(" built from commit ").append(esc(r.tool().commit()))
                .append(".</li>\n<li>Run <span class=\"mono\">exhibit bundle verify ").append(esc(bundle.get("name")))
                .append("</span>: it must report the bundle SHA-256 ").append("<span class=\"mono hash\">")
                .append(esc(bundle.get("sha256"))).append("</span>.</li>\n<li>Run <span class=\"mono\">exhibit report ")
                .append(esc(bundle.get("name"))).append("</span> from the same folder: report.json must be byte-identical ")
                .append("to the one this document renders.</li>\n</ol>\n");
        if (o.get("manifest") instanceof Map<?, ?> m) {
            h.append("<h2>Appendix D. Case manifest (exhibit.yaml)</h2>\n");
            DataTable.render(h, m);
        }
    }

    /** The findings a step produced: the report records where its findings start and how many there are. */
    private static List<Finding> range(Report r, Map<?, ?> step) {
        int from = ((Number) step.get("firstFinding")).intValue();
        int count = ((Number) step.get("findings")).intValue();
        if (from < 0 || from + count > r.findings().size()) {
            return List.of();
        }
        return new ArrayList<>(r.findings().subList(from, from + count));
    }

    /** A finding's number in the report (1-based), by identity: two findings may be equal in value. */
    private static int number(Report r, Finding f) {
        for (int i = 0; i < r.findings().size(); i++) {
            if (r.findings().get(i) == f) {
                return i + 1;
            }
        }
        return 0;
    }

    /** A SHA-256 on two lines of 32 digits: the PDF renderer cannot break a word inside a narrow column. */
    private static String hash(String hex) {
        return hex == null || hex.length() != 64 ? esc(hex) : esc(hex.substring(0, 32)) + "<br/>" + esc(hex.substring(32));
    }

    private static void row(StringBuilder h, String k, String v) {
        h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>\n");
    }

    private static final String CSS = """
            .cover { padding-top: 6em; page-break-after: always; }
            .cover h1 { font-size: 24pt; margin-bottom: 1em; }
            .cover-table th { width: 9em; }
            .kicker { text-transform: uppercase; letter-spacing: 0.1em; color: #555; }
            .notes { white-space: pre-wrap; margin-top: 2em; }
            .new-page { page-break-before: always; }
            h2.analysis { font-size: 13pt; border-bottom: none; margin-top: 1.4em; }
            .pass { color: #2e7d32; font-weight: bold; }
            .fail { color: #c62828; font-weight: bold; }
            @page { size: A4; margin: 18mm 16mm; @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; color: #777; } }
            """;
}
