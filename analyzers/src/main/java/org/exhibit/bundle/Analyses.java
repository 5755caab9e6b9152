package org.exhibit.bundle;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one place every analysis a bundle can run is registered. To add one: write an {@link Analysis} adapter
 * beside the others and list it here. The list order is the order of the report's sections when a manifest
 * names no analyses.
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
            new VoiceAnalysis());

    private Analyses() {
    }

    public static List<Analysis> all() {
        return ALL;
    }

    public static Optional<Analysis> named(String name) {
        return ALL.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** Name → question, for help texts. */
    public static SortedMap<String, String> questions() {
        SortedMap<String, String> m = new TreeMap<>();
        ALL.forEach(a -> m.put(a.name(), a.question()));
        return m;
    }

    static Map<String, Object> effectiveParams(Analysis a, Map<String, Object> overrides) {
        Map<String, Object> p = new TreeMap<>(a.defaults());
        p.putAll(overrides);
        return p;
    }
}
