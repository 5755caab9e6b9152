package org.exhibit.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * What a benchmark measured. Written as JSON to {@code analyzers/src/main/resources/org/exhibit/<name>/error-rates.json}
 * (by {@code exhibit bench NAME --out ...}) and read back by {@link ErrorRates}.
 *
 * @param benchmark name of the benchmark
 * @param seed      the seed the corpus was generated from
 * @param scale     corpus scale (1.0 = full)
 * @param corpus    what the corpus holds, in words (generators, transformations, counts)
 * @param methods   one entry per method and threshold
 */
@JsonPropertyOrder({"benchmark", "seed", "scale", "corpus", "methods"})
public record BenchmarkResult(String benchmark, long seed, double scale, String corpus, List<MethodResult> methods) {

    public BenchmarkResult {
        methods = List.copyOf(methods);
    }

    /**
     * One method's measured rates at one threshold.
     *
     * @param method            stable id the analyzer uses to look it up, e.g. "pdq"
     * @param threshold         the decision threshold the rates hold for, in words (e.g. "hamming <= 31")
     * @param positives         labelled positive cases
     * @param negatives         labelled negative cases
     * @param falsePositiveRate negatives called positive / negatives
     * @param falseNegativeRate positives missed / positives
     * @param equalErrorRate    where the method has a score, the EER over all thresholds; else null
     * @param millisPerItem     mean wall time per case on the machine that ran it (indicative, not a contract)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"method", "threshold", "positives", "negatives", "falsePositiveRate", "falseNegativeRate",
            "equalErrorRate", "millisPerItem"})
    public record MethodResult(String method, String threshold, int positives, int negatives,
                               double falsePositiveRate, double falseNegativeRate, Double equalErrorRate,
                               Double millisPerItem) {
    }
}
