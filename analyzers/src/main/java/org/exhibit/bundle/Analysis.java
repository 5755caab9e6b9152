package org.exhibit.bundle;

import org.exhibit.evidence.Finding;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One analysis a bundle can ask for: a small adapter from a manifest step to one analyzer's public API. It
 * reads its inputs by role from the {@link AnalysisContext}, calls the analyzer with plain Java values, and
 * returns the analyzer's findings unchanged. Adapters never print and never reimplement an analyzer.
 * Every adapter is listed once, in {@link Analyses}.
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

    /** Whether an exhibit set with these roles gives it something to do (used when the manifest lists no analyses). */
    default boolean applies(Set<String> roles) {
        return roles.containsAll(required()) && (!required().isEmpty() || optional().stream().anyMatch(roles::contains));
    }

    List<Finding> run(AnalysisContext context) throws Exception;
}
