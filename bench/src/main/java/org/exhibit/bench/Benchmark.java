package org.exhibit.bench;

/**
 * An analyzer's accuracy-and-speed benchmark: it generates a labelled corpus from a seed (fixtures in code),
 * runs the analyzer's methods over it, and reports each method's error rates at its threshold and its speed.
 * The numbers an analyzer cites in its findings come from the committed output of its benchmark
 * ({@link ErrorRates}), so every rate in a report can be re-measured with {@code exhibit bench NAME}.
 * Implementations are listed in META-INF/services/org.exhibit.bench.Benchmark.
 */
public interface Benchmark {

    /** Short name used on the command line and as the resource name, e.g. "similarity". */
    String name();

    /** One sentence: what corpus it builds and what it measures. */
    String description();

    /**
     * Runs the benchmark.
     *
     * @param seed  seeds every random choice, so the same seed gives the same corpus and the same rates
     * @param scale 1.0 is the full corpus the committed rates rest on; tests run smaller scales
     */
    BenchmarkResult run(long seed, double scale) throws Exception;
}
