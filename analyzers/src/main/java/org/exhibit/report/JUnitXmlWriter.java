package org.exhibit.report;

import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Report;

import java.nio.charset.StandardCharsets;
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

    public static byte[] write(Report r) {
        List<Finding> checks = r.findings().stream().filter(f -> f.rule().equals(CHECK_RULE)).toList();
        long failures = checks.stream().filter(f -> !Boolean.TRUE.equals(f.data().get("passed"))).count();
        String suite = "exhibit policy: " + r.title();
        StringBuilder x = new StringBuilder(4096);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<testsuites name=\"").append(esc(suite)).append("\" tests=\"").append(checks.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" time=\"0\">\n")
                .append("  <testsuite name=\"").append(esc(suite)).append("\" tests=\"").append(checks.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\" time=\"0\"");
        if (r.createdAt() != null) {
            x.append(" timestamp=\"").append(esc(r.createdAt().replace("Z", ""))).append('"');
        }
        x.append(">\n    <properties>\n");
        property(x, "tool", r.tool().name() + " " + r.tool().version() + " (" + r.tool().commit() + ")");
        if (r.options().get("bundle") instanceof Map<?, ?> b) {
            property(x, "bundle.name", b.get("name"));
            property(x, "bundle.sha256", b.get("sha256"));
        }
        x.append("    </properties>\n");
        for (Finding c : checks) {
            x.append("    <testcase name=\"").append(esc(c.data().get("check"))).append("\" classname=\"exhibit.policy\"")
                    .append(" time=\"0\">\n");
            if (!Boolean.TRUE.equals(c.data().get("passed"))) {
                x.append("      <failure type=\"policy\" message=\"").append(esc(c.statement())).append("\">")
                        .append(esc(String.valueOf(c.data().getOrDefault("failures", c.statement()))))
                        .append("</failure>\n");
            }
            x.append("      <system-out>").append(esc(c.statement())).append("</system-out>\n");
            x.append("    </testcase>\n");
        }
        x.append("  </testsuite>\n</testsuites>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void property(StringBuilder x, String name, Object value) {
        x.append("      <property name=\"").append(esc(name)).append("\" value=\"").append(esc(value)).append("\"/>\n");
    }
}
