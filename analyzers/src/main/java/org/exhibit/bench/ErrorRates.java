package org.exhibit.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exhibit.evidence.ErrorRate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The error rates an analyzer cites, read from its committed benchmark output
 * ({@code /org/exhibit/<benchmark>/error-rates.json}). A method the benchmark did not measure gets
 * {@link ErrorRate#notMeasured}, never an invented number.
 */
public final class ErrorRates {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Map<String, BenchmarkResult> CACHE = new ConcurrentHashMap<>();

    private ErrorRates() {
    }

    /** The rates measured for {@code method} by benchmark {@code benchmark}, with the command that measured them. */
    public static ErrorRate of(String benchmark, String method) {
        BenchmarkResult result = CACHE.computeIfAbsent(benchmark, ErrorRates::load);
        if (result == null) {
            return ErrorRate.notMeasured("no benchmark output for " + benchmark);
        }
        for (BenchmarkResult.MethodResult m : result.methods()) {
            if (m.method().equals(method)) {
                return new ErrorRate(m.falsePositiveRate(), m.falseNegativeRate(), m.positives() + m.negatives(),
                        "exhibit bench " + benchmark + " --seed " + result.seed() + " (" + result.corpus()
                                + "; threshold " + m.threshold() + ")");
            }
        }
        return ErrorRate.notMeasured("benchmark " + benchmark + " does not measure " + method);
    }

    private static BenchmarkResult load(String benchmark) {
        try (InputStream in = ErrorRates.class.getResourceAsStream("/org/exhibit/" + benchmark + "/error-rates.json")) {
            return in == null ? null : MAPPER.readValue(in, BenchmarkResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read error rates of " + benchmark, e);
        }
    }
}
