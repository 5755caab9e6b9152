package org.exhibit.evidence;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one run concluded. The JSON form is canonical; HTML, PDF, text and JUnit are renderings of it.
 *
 * @param schema    report format version; bumped on any incompatible change (see docs/report-schema.md)
 * @param title     what was asked, e.g. "exhibit compare" or a case name
 * @param tool      which build made it
 * @param createdAt ISO-8601 UTC instant from SOURCE_DATE_EPOCH or the bundle; null (and absent from JSON) otherwise
 * @param options   the options that shaped the result, keys sorted
 * @param exhibits  every input, hashed
 * @param findings  in the order the analyzers produced them
 * @param models    weights the findings rest on
 * @param problems  inputs that could not be analysed, each with its reason (absent from JSON when none)
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schema", "title", "tool", "createdAt", "options", "exhibits", "problems", "findings", "models"})
public record Report(String schema, String title, ToolInfo tool, String createdAt, Map<String, Object> options,
                     List<Exhibit> exhibits, List<Finding> findings, List<ModelUse> models,
                     @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                     List<InputProblem> problems) {

    public static final String SCHEMA = "exhibit-report/1";

    public Report {
        options = new TreeMap<>(options);
        exhibits = List.copyOf(exhibits);
        findings = List.copyOf(findings);
        models = List.copyOf(models);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public Report(String schema, String title, ToolInfo tool, String createdAt, Map<String, Object> options,
                  List<Exhibit> exhibits, List<Finding> findings, List<ModelUse> models) {
        this(schema, title, tool, createdAt, options, exhibits, findings, models, List.of());
    }

    /** The same report with other options (for settings known only once the run is done). */
    public Report withOptions(Map<String, Object> newOptions) {
        return new Report(schema, title, tool, createdAt, newOptions, exhibits, findings, models, problems);
    }

    /** The strongest verdict among the findings, INFO when there are none. */
    public Verdict strongest() {
        return findings.stream().map(Finding::verdict).max(Enum::compareTo).orElse(Verdict.INFO);
    }
}
