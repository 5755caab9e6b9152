package org.exhibit.models;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** The list of pinned weights, read from registry.json beside this class. The one place weights are named. */
public final class ModelRegistry {

    private static final ModelRegistry BUILT_IN = load();

    private final Map<String, ModelSpec> specs;
    private final List<ModelSpec> order;

    private ModelRegistry(List<ModelSpec> list) {
        Map<String, ModelSpec> map = new LinkedHashMap<>();
        for (ModelSpec s : list) {
            if (map.put(s.name(), s) != null) {
                throw new IllegalStateException("model registered twice: " + s.name());
            }
            if (!s.sha256().matches("[0-9a-f]{64}")) {
                throw new IllegalStateException("model " + s.name() + " has no valid SHA-256 pin");
            }
        }
        this.specs = Map.copyOf(map);
        this.order = List.copyOf(map.values());
    }

    public static ModelRegistry builtIn() {
        return BUILT_IN;
    }

    public List<ModelSpec> all() {
        return order;
    }

    public ModelSpec get(String name) {
        ModelSpec spec = specs.get(name);
        if (spec == null) {
            throw new NoSuchElementException("no model named " + name + " in the registry");
        }
        return spec;
    }

    private static ModelRegistry load() {
        try (InputStream in = ModelRegistry.class.getResourceAsStream("registry.json")) {
            if (in == null) {
                throw new IllegalStateException("registry.json missing from the models jar");
            }
            return new ModelRegistry(new ObjectMapper().readValue(in, new TypeReference<List<ModelSpec>>() {
            }));
        } catch (IOException e) {
            throw new UncheckedIOException("registry.json unreadable", e);
        }
    }
}
