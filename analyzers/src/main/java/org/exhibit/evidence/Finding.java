package org.exhibit.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One answer an analyzer gives, with everything a court needs to weigh it.
 *
 * @param analyzer     package name of the analyzer, e.g. "sd"
 * @param rule         stable id of the question answered, e.g. "sd.size-mismatch"; never renamed
 * @param verdict      how strongly the measurement bears on it
 * @param statement    one sentence in plain words
 * @param measurements named numbers with units
 * @param threshold    the decision rule applied, or null for a plain reading
 * @param method       how it was measured
 * @param evidence     where in the exhibits it lies
 * @param figures      pictures that show it
 * @param limitations  what the method cannot tell, in plain words
 * @param data         structured detail (e.g. a parsed generation record), keys sorted for stable output
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"analyzer", "rule", "verdict", "statement", "measurements", "threshold", "method",
        "evidence", "figures", "limitations", "data"})
public record Finding(String analyzer, String rule, Verdict verdict, String statement,
                      List<Measurement> measurements, Threshold threshold, Method method,
                      List<EvidencePointer> evidence, List<Figure> figures, List<String> limitations,
                      Map<String, Object> data) {

    public Finding {
        Objects.requireNonNull(analyzer, "analyzer");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(method, "method");
        measurements = List.copyOf(measurements);
        evidence = List.copyOf(evidence);
        figures = List.copyOf(figures);
        limitations = List.copyOf(limitations);
        data = data == null ? Map.of() : new TreeMap<>(data);
    }

    public static Builder builder(String analyzer, String rule, Method method) {
        return new Builder(analyzer, rule, method);
    }

    /** Reads a measurement by name; the analyzers' tests use it to assert values. */
    public double measurement(String name) {
        return measurements.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no measurement " + name + " in " + rule))
                .value();
    }

    /** Collects a finding's parts; analyzers build findings with it rather than the long constructor. */
    public static final class Builder {
        private final String analyzer;
        private final String rule;
        private final Method method;
        private Verdict verdict = Verdict.INFO;
        private String statement;
        private Threshold threshold;
        private final List<Measurement> measurements = new ArrayList<>();
        private final List<EvidencePointer> evidence = new ArrayList<>();
        private final List<Figure> figures = new ArrayList<>();
        private final List<String> limitations = new ArrayList<>();
        private final Map<String, Object> data = new TreeMap<>();

        private Builder(String analyzer, String rule, Method method) {
            this.analyzer = analyzer;
            this.rule = rule;
            this.method = method;
        }

        public Builder verdict(Verdict v) {
            this.verdict = v;
            return this;
        }

        public Builder statement(String s) {
            this.statement = s;
            return this;
        }

        public Builder threshold(Threshold t) {
            this.threshold = t;
            return this;
        }

        public Builder measure(String name, double value, String unit) {
            measurements.add(new Measurement(name, value, unit));
            return this;
        }

        public Builder evidence(EvidencePointer p) {
            evidence.add(p);
            return this;
        }

        public Builder figure(Figure f) {
            figures.add(f);
            return this;
        }

        public Builder limitation(String l) {
            limitations.add(l);
            return this;
        }

        public Builder data(String key, Object value) {
            data.put(key, value);
            return this;
        }

        public Finding build() {
            return new Finding(analyzer, rule, verdict, statement, measurements, threshold, method, evidence,
                    figures, limitations, data);
        }
    }
}
