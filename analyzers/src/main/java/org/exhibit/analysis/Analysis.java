package org.exhibit.analysis;

import org.exhibit.evidence.Finding;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one contract every analysis follows, whoever calls it: a CLI command and the bundle runner both build an
 * {@link AnalysisContext} (inputs by role, parameters, limits) and call {@link #run}. An analysis reads its
 * inputs by role, calls its analyzer with plain Java values and returns the findings; it never prints, never
 * exits and never reads the command line. Every analysis is listed once, in {@link Analyses}.
 */
public interface Analysis {

    /** The name exhibit.yaml uses, e.g. "similarity". */
    String name();

    /** The question it answers, as the report's section heading. */
    String question();

    /** How it answers it, in plain words for a judge (the findings carry the exact method and version). */
    String method();

    /** Roles it cannot run without. */
    Set<String> required();

    /** Roles it reads when present. */
    default Set<String> optional() {
        return Set.of();
    }

    /** Parameters and thresholds with their defaults; a manifest may override these and no others. */
    default Map<String, Object> defaults() {
        return Map.of();
    }

    /** Parameters a caller may give that have no default (absent means "not given", e.g. a watermark's region). */
    default Set<String> optionalParams() {
        return Set.of();
    }

    /**
     * The rule of the finding that is this analysis's own combined answer (e.g. "similarity.conclusion"), or null
     * when it only reports readings. A report's conclusions and a case's checks quote it, never a single method's
     * stronger verdict.
     */
    default String conclusionRule() {
        return null;
    }

    /** Whether an exhibit set with these roles gives it something to do (used when the manifest lists no analyses). */
    default boolean applies(Set<String> roles) {
        return roles.containsAll(required()) && (!required().isEmpty() || optional().stream().anyMatch(roles::contains));
    }

    /**
     * Runs it. An input that cannot be read is either the whole run's problem (an {@code InputException}, when the
     * analysis cannot answer without it) or that input's own ({@link AnalysisContext#eachInput}: recorded, the
     * others go on). A parameter that makes no sense for these inputs is a {@link ParameterException}.
     */
    List<Finding> run(AnalysisContext context) throws Exception;
}
