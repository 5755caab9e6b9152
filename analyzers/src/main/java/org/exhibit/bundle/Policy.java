package org.exhibit.bundle;

import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Measurement;
import org.exhibit.evidence.Method;
import org.exhibit.evidence.Verdict;
import org.exhibit.report.Numbers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates the manifest's policy checks over a run's findings. Each check becomes one finding (rule
 * {@value #RULE}) whose data says whether it passed; the JUnit rendering makes one test case of each.
 */
public final class Policy {

    public static final String RULE = org.exhibit.report.JUnitXmlWriter.CHECK_RULE;
    static final Method METHOD = new Method("Policy check over findings", "1",
            "exhibit.yaml 'checks': the strongest finding whose rule matches must meet each bound given");

    private Policy() {
    }

    public static Verdict verdict(String label) {
        for (Verdict v : Verdict.values()) {
            if (v.label().equals(label)) {
                return v;
            }
        }
        return null;
    }

    public static boolean passed(Finding check) {
        return Boolean.TRUE.equals(check.data().get("passed"));
    }

    public static Finding evaluate(CaseManifest.Check c, List<Finding> findings) {
        List<Finding> matching = findings.stream().filter(f -> matches(c.rule(), f.rule())).toList();
        List<String> failures = new ArrayList<>();
        Optional<Finding> strongest = matching.stream().max(Comparator.comparing(Finding::verdict));
        if (strongest.isEmpty()) {
            failures.add("no finding has rule " + c.rule());
        } else {
            Verdict v = strongest.get().verdict();
            Verdict least = c.verdictAtLeast() == null ? null : verdict(c.verdictAtLeast());
            Verdict most = c.verdictAtMost() == null ? null : verdict(c.verdictAtMost());
            if (least != null && v.compareTo(least) < 0) {
                failures.add("strongest verdict is " + v.label() + ", policy needs at least " + least.label());
            }
            if (most != null && v.compareTo(most) > 0) {
                failures.add("strongest verdict is " + v.label() + ", policy allows at most " + most.label());
            }
            if (c.measurement() != null) {
                measurementBounds(c, matching, failures);
            }
        }
        boolean passed = failures.isEmpty();
        // neutral words: what was measured against what was required, not the case's claim as a fact
        String measured = strongest.map(f -> c.rule() + " '" + f.verdict().label() + "'").orElse("no " + c.rule() + " finding");
        List<String> required = new ArrayList<>();
        if (c.verdictAtLeast() != null) {
            required.add("≥ required '" + c.verdictAtLeast() + "'");
        }
        if (c.verdictAtMost() != null) {
            required.add("≤ allowed '" + c.verdictAtMost() + "'");
        }
        if (c.measurement() != null) {
            required.add(c.measurement() + (c.min() == null ? "" : " ≥ " + Numbers.format(c.min()))
                    + (c.max() == null ? "" : " ≤ " + Numbers.format(c.max())));
        }
        Finding.Builder b = Finding.builder("bundle", RULE, METHOD)
                .verdict(Verdict.INFO)
                .statement("Check '" + c.id() + "': " + (passed ? "passed" : "failed") + " — " + measured
                        + (required.isEmpty() ? "" : " " + String.join(", ", required))
                        + (passed ? "." : " (" + String.join("; ", failures) + ")."))
                .data("check", c.id())
                .data("passed", passed)
                .data("rule", c.rule())
                .data("findings", matching.size());
        strongest.ifPresent(f -> b.data("strongestVerdict", f.verdict().label()).data("strongestStatement", f.statement()));
        if (!failures.isEmpty()) {
            b.data("failures", failures);
        }
        if (c.name() != null) {
            b.data("name", c.name());
        }
        return b.build();
    }

    private static void measurementBounds(CaseManifest.Check c, List<Finding> matching, List<String> failures) {
        List<Measurement> values = matching.stream().flatMap(f -> f.measurements().stream())
                .filter(m -> m.name().equals(c.measurement())).toList();
        if (values.isEmpty()) {
            failures.add("no matching finding measures " + c.measurement());
            return;
        }
        for (Measurement m : values) {
            if (c.min() != null && m.value() < c.min()) {
                failures.add(m.name() + " = " + Numbers.format(m.value()) + " is below " + Numbers.format(c.min()));
            }
            if (c.max() != null && m.value() > c.max()) {
                failures.add(m.name() + " = " + Numbers.format(m.value()) + " is above " + Numbers.format(c.max()));
            }
        }
    }

    static boolean matches(String pattern, String rule) {
        return pattern.endsWith("*") ? rule.startsWith(pattern.substring(0, pattern.length() - 1)) : rule.equals(pattern);
    }
}
