package org.exhibit.report;

import org.exhibit.evidence.Finding;
import org.exhibit.evidence.InputProblem;
import org.exhibit.evidence.Report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.exhibit.report.Html.esc;

/**
 * The JUnit XML rendering for CI: one test suite per report, one test case per policy check (findings with rule
 * {@value #CHECK_RULE}); a failed check is a {@code <failure>}. The format is the common one that Ant, Maven
 * Surefire, Jenkins and GitLab read. No host names or wall-clock times, so the bytes are deterministic.
 */
public final class JUnitXmlWriter {

    public static final String CHECK_RULE = "bundle.check";

    private JUnitXmlWriter() {
    }

    /** The rule of the finding that says a step of the case could not run. */
    public static final String ANALYSIS_FAILED_RULE = "bundle.analysis-failed";

    /**
     * One test case per policy check (a failure when it failed), per analysis step (an error when it could not
     * run) and per input that could not be read (an error): a case whose analyses could not run is never green.
     */
    public static byte[] write(Report r) {
        List<Finding> checks = r.findings().stream().filter(f -> f.rule().equals(CHECK_RULE)).toList();
        long failures = checks.stream().filter(f -> !Boolean.TRUE.equals(f.data().get("passed"))).count();
        List<Map<?, ?>> steps = new ArrayList<>();
        if (r.options().get("analyses") instanceof List<?> l) {
            l.forEach(a -> steps.add((Map<?, ?>) a));
        }
        StringBuilder cases = new StringBuilder();
        long errors = 0;
        for (Map<?, ?> step : steps) {
            int first = ((Number) step.get("firstFinding")).intValue();
            int n = ((Number) step.get("findings")).intValue();
            Finding failed = r.findings().subList(first, first + n).stream()
                    .filter(f -> f.rule().equals(ANALYSIS_FAILED_RULE)).findFirst().orElse(null);
            cases.append("    <testcase name=\"analysis ").append(esc(step.get("id")))
                    .append("\" classname=\"exhibit.analysis\" time=\"0\">\n");
            if (failed != null) {
                errors++;
                cases.append("      <error type=\"analysis\" message=\"").append(esc(failed.statement())).append("\"/>\n");
            }
            cases.append("      <system-out>").append(esc(step.get("question") + " " + n + " finding(s)."))
                    .append("</system-out>\n    </testcase>\n");
        }
        for (InputProblem p : r.problems()) {
            errors++;
            cases.append("    <testcase name=\"input ").append(esc(p.file())).append("\" classname=\"exhibit.input\"")
                    .append(" time=\"0\">\n      <error type=\"input\" message=\"").append(esc(p.problem()))
                    .append("\"/>\n    </testcase>\n");
        }
        for (Finding c : checks) {
            cases.append("    <testcase name=\"").append(esc(c.data().get("check"))).append("\" classname=\"exhibit.policy\"")
                    .append(" time=\"0\">\n");
            if (!Boolean.TRUE.equals(c.data().get("passed"))) {
                cases.append("      <failure type=\"policy\" message=\"").append(esc(c.statement())).append("\">")
                        .append(esc(String.valueOf(c.data().getOrDefault("failures", c.statement()))))
                        .append("</failure>\n");
            }
            cases.append("      <system-out>").append(esc(c.statement())).append("</system-out>\n");
            cases.append("    </testcase>\n");
        }
        long tests = checks.size() + steps.size() + r.problems().size();
        String suite = "exhibit policy: " + r.title();
        StringBuilder x = new StringBuilder(4096);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<testsuites name=\"").append(esc(suite)).append("\" tests=\"").append(tests)
                .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors).append("\" time=\"0\">\n")
                .append("  <testsuite name=\"").append(esc(suite)).append("\" tests=\"").append(tests)
                .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors)
                .append("\" skipped=\"0\" time=\"0\"");
        if (r.createdAt() != null) {
            x.append(" timestamp=\"").append(esc(r.createdAt().replace("Z", ""))).append('"');
        }
        x.append(">\n    <properties>\n");
        property(x, "tool", r.tool().name() + " " + r.tool().version() + " (" + r.tool().commit() + ")");
        if (r.options().get("bundle") instanceof Map<?, ?> b) {
            property(x, "bundle.name", b.get("name"));
            property(x, "bundle.sha256", b.get("sha256"));
        }
        x.append("    </properties>\n").append(cases);
        x.append("  </testsuite>\n</testsuites>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void property(StringBuilder x, String name, Object value) {
        x.append("      <property name=\"").append(esc(name)).append("\" value=\"").append(esc(value)).append("\"/>\n");
    }
}
