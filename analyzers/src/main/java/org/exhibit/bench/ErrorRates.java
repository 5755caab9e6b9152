package org.exhibit.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exhibit.evidence.ErrorRate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The error rates an analyzer cites, read from its committed benchmark output
 * ({@code /org/exhibit/<benchmark>/error-rates.json}). A method the benchmark did not measure gets
 * {@link ErrorRate#notMeasured}, never an invented number. The benchmarks that write these files are in the
 * bench module ({@code BenchmarkResult}), outside the product; this class reads only the fields a finding cites.
 */
public final class ErrorRates {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Map<String, Measured> CACHE = new ConcurrentHashMap<>();

    private ErrorRates() {
    }

    /** The rates measured for {@code method} by benchmark {@code benchmark}, with the command that measured them. */
    public static ErrorRate of(String benchmark, String method) {
        Measured result = CACHE.computeIfAbsent(benchmark, ErrorRates::load);
        if (result == null) {
            return ErrorRate.notMeasured("no benchmark output for " + benchmark);
        }
        for (Rate m : result.methods()) {
            if (m.method().equals(method)) {
                return new ErrorRate(m.falsePositiveRate(), m.falseNegativeRate(), m.positives() + m.negatives(),
                        "exhibit bench " + benchmark + " --seed " + result.seed() + " (" + result.corpus()
                                + "; threshold " + m.threshold() + ")");
            }
        }
        return ErrorRate.notMeasured("benchmark " + benchmark + " does not measure " + method);
    }

    private static Measured load(String benchmark) {
        try (InputStream in = ErrorRates.class.getResourceAsStream("/org/exhibit/" + benchmark + "/error-rates.json")) {
            return in == null ? null : MAPPER.readValue(in, Measured.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read error rates of " + benchmark, e);
        }
    }

    /** The part of a benchmark's output (bench module: BenchmarkResult) that findings cite. */
    record Measured(long seed, String corpus, List<Rate> methods) {
    }

    /** One method's rates at its threshold (bench module: BenchmarkResult.MethodResult). */
    record Rate(String method, String threshold, int positives, int negatives, double falsePositiveRate,
                double falseNegativeRate) {
    }
}
