package org.exhibit.analysis;

import org.exhibit.evidence.Finding;
import org.exhibit.evidence.InputProblem;
import org.exhibit.evidence.ModelUse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one place every analysis is registered, for the CLI and for bundles alike. To add one: write an
 * {@link Analysis} beside the others and list it here. The list order is the order of the report's sections
 * when a manifest names no analyses.
 */
public final class Analyses {

    private static final List<Analysis> ALL = List.of(
            new MetadataAnalysis(),
            new SdMetadataAnalysis(),
            new HistoryAnalysis(),
            new RecipeAnalysis(),
            new SimilarityAnalysis(),
            new WatermarkAnalysis(),
            new LabelAnalysis(),
            new VoiceAnalysis(),
            new VoiceScanAnalysis(),
            new ReplayAnalysis(),
            new ModelVerificationAnalysis());

    /** What one run gave: findings in the analysis's order, the weights they rest on, the inputs it could not read. */
    public record Outcome(List<Finding> findings, List<ModelUse> models, List<InputProblem> problems,
                          List<org.exhibit.evidence.Exhibit> declared) {
    }

    private Analyses() {
    }

    public static List<Analysis> all() {
        return ALL;
    }

    public static Optional<Analysis> named(String name) {
        return ALL.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The registered analysis of this name; for callers that name it in code. */
    public static Analysis get(String name) {
        return named(name).orElseThrow(() -> new IllegalArgumentException("no analysis named " + name));
    }

    /** Name → question, for help texts. */
    public static SortedMap<String, String> questions() {
        SortedMap<String, String> m = new TreeMap<>();
        ALL.forEach(a -> m.put(a.name(), a.question()));
        return m;
    }

    /** The defaults of {@code a}, overridden by the caller's values. */
    public static Map<String, Object> effectiveParams(Analysis a, Map<String, Object> overrides) {
        Map<String, Object> p = new TreeMap<>(a.defaults());
        p.putAll(overrides);
        return p;
    }

    /** Runs {@code a} in {@code c}: the one call both the CLI and the bundle runner make. */
    public static Outcome run(Analysis a, AnalysisContext c) throws Exception {
        List<Finding> findings = List.copyOf(a.run(c));
        return new Outcome(findings, c.models(), c.problems(), c.declared());
    }
}
