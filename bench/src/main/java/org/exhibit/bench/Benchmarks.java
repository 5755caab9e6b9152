package org.exhibit.bench;

import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.TreeMap;

/** Every benchmark on the class path, by name (META-INF/services/org.exhibit.bench.Benchmark). */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static SortedMap<String, Benchmark> all() {
        SortedMap<String, Benchmark> byName = new TreeMap<>();
        for (Benchmark b : ServiceLoader.load(Benchmark.class)) {
            byName.put(b.name(), b);
        }
        return byName;
    }
}
