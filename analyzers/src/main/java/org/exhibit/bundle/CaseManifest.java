package org.exhibit.bundle;

import org.exhibit.analysis.Analyses;
import org.exhibit.analysis.Roles;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The case manifest {@code exhibit.yaml}, a tag file of the bundle's bag (sealed by its tag manifest): the case,
 * each exhibit's role and provenance, which analyses to run with which parameters and thresholds, and the
 * policy checks a run must pass. Read and checked by {@link ManifestYaml}.
 *
 * @param format   manifest format version, {@value #FORMAT}
 * @param caseName the case, as the report's title
 * @param date     when the bundle was made, ISO-8601 UTC; recorded once, it is every report's createdAt
 * @param notes    free text for the cover (court, parties, instructions)
 * @param exhibits the files, by path under data/ (a folder stands for every file in it)
 * @param analyses what to run; when absent, every analysis whose inputs the exhibits' roles supply
 * @param checks   the policy: each check passes or fails, one JUnit test case each
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"exhibit-manifest", "case", "date", "notes", "exhibits", "analyses", "checks"})
public record CaseManifest(@JsonProperty("exhibit-manifest") int format,
                           @JsonProperty("case") String caseName,
                           @JsonProperty("date") String date,
                           @JsonProperty("notes") String notes,
                           @JsonProperty("exhibits") List<ExhibitEntry> exhibits,
                           @JsonProperty("analyses") List<Step> analyses,
                           @JsonProperty("checks") List<Check> checks) {

    public static final String FILE_NAME = "exhibit.yaml";
    public static final int FORMAT = 1;

    public CaseManifest {
        exhibits = exhibits == null ? List.of() : List.copyOf(exhibits);
        analyses = analyses == null ? List.of() : List.copyOf(analyses);
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    public CaseManifest withExhibit(ExhibitEntry e) {
        List<ExhibitEntry> more = new java.util.ArrayList<>(exhibits);
        more.add(e);
        return new CaseManifest(format, caseName, date, notes, more, analyses, checks);
    }

    /**
     * One exhibit.
     *
     * @param file       path under data/, forward slashes; a folder means every file in it
     * @param role       the part it plays: see {@link Roles}
     * @param provenance where it came from and who handled it, in plain words
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"file", "role", "provenance"})
    public record ExhibitEntry(@JsonProperty("file") String file, @JsonProperty("role") String role,
                               @JsonProperty("provenance") String provenance) {
    }

    /**
     * One analysis to run.
     *
     * @param id       names the step in the report and in checks; defaults to the analysis name
     * @param analysis a registered analysis (see {@link Analyses})
     * @param inputs   role → exhibit file, where the roles alone do not pick the files
     * @param params   parameters and thresholds; unknown keys are refused
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"id", "analysis", "inputs", "params"})
    public record Step(@JsonProperty("id") String id, @JsonProperty("analysis") String analysis,
                       @JsonProperty("inputs") Map<String, String> inputs,
                       @JsonProperty("params") Map<String, Object> params) {
        public Step {
            inputs = inputs == null ? Map.of() : new TreeMap<>(inputs);
            params = params == null ? Map.of() : new TreeMap<>(params);
        }

        public String name() {
            return id == null || id.isBlank() ? analysis : id;
        }
    }

    /**
     * One policy check over the findings: the findings whose rule matches must exist, and the strongest of them
     * must meet every bound given.
     *
     * @param id             stable name (the JUnit test case name)
     * @param name           what it asks, in words
     * @param rule           finding rule id, or a prefix ending in "*" (e.g. "similarity.*")
     * @param verdictAtLeast the strongest matching verdict must be at least this
     * @param verdictAtMost  ... and at most this
     * @param measurement    a measurement of the matching findings to bound by min/max
     * @param min            smallest acceptable value of the measurement
     * @param max            largest acceptable value
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "name", "rule", "verdict-at-least", "verdict-at-most", "measurement", "min", "max"})
    public record Check(@JsonProperty("id") String id, @JsonProperty("name") String name,
                        @JsonProperty("rule") String rule,
                        @JsonProperty("verdict-at-least") String verdictAtLeast,
                        @JsonProperty("verdict-at-most") String verdictAtMost,
                        @JsonProperty("measurement") String measurement,
                        @JsonProperty("min") Double min, @JsonProperty("max") Double max) {
    }
}
