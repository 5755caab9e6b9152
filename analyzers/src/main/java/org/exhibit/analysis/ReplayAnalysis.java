package org.exhibit.analysis;

import org.exhibit.evidence.Finding;
import org.exhibit.io.Images;
import org.exhibit.io.InputException;
import org.exhibit.sd.GenerationRecord;
import org.exhibit.sd.SdMetadata;
import org.exhibit.sd.replay.GeneratorServer;
import org.exhibit.sd.replay.Replay;
import org.exhibit.sd.replay.Variations;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Re-renders the original's recorded generation on a running generator ({@link Replay}) and compares the result
 * with the original, with control renders. Runs only when asked: it needs a server the user names.
 * A server that cannot be reached or refuses is a {@code ReplayException}, passed to the caller unchanged.
 */
final class ReplayAnalysis implements Analysis {

    static final String SERVER = "server";
    static final String API = "api";
    static final String VARIATIONS = "variations";
    static final String TIMEOUT = "timeoutSeconds";
    static final String RECORD = "record";

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public String question() {
        return "Does rendering the recorded settings again give the same picture?";
    }

    @Override
    public String method() {
        return "The generation record is sent to a running generator (AUTOMATIC1111 or ComfyUI), the returned picture "
                + "is compared with the original pixel by pixel and structurally, and control renders with one setting "
                + "changed (seed + 1, a prompt part dropped) show whether the settings matter.";
    }

    @Override
    public String conclusionRule() {
        return "sd.replay";
    }

    @Override
    public Set<String> required() {
        return Set.of(Roles.ORIGINAL);
    }

    @Override
    public Map<String, Object> defaults() {
        return Map.of(VARIATIONS, "", TIMEOUT, 600);
    }

    @Override
    public Set<String> optionalParams() {
        return Set.of(SERVER, API, RECORD);
    }

    @Override
    public boolean applies(Set<String> roles) {
        return false; // needs a generator server the user names
    }

    /** The API a replay of {@code r} uses: the one given, else ComfyUI for ComfyUI records, else A1111. */
    static GeneratorServer.Api api(Object given, GenerationRecord r) throws ParameterException {
        if (given != null) {
            try {
                return GeneratorServer.Api.valueOf(given.toString().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ParameterException("api must be a1111 or comfyui, not '" + given + "'");
            }
        }
        boolean comfy = r.generator() != null && r.generator().toLowerCase(Locale.ROOT).contains("comfy");
        return comfy ? GeneratorServer.Api.COMFYUI : GeneratorServer.Api.A1111;
    }

    @Override
    public List<Finding> run(AnalysisContext c) throws Exception {
        AnalysisContext.Input in = c.input(Roles.ORIGINAL);
        if (c.optionalParam(SERVER) == null) {
            throw new ParameterException("replay needs the generator's server URL");
        }
        List<GenerationRecord> records = SdMetadata.read(in.path(), c.limits());
        if (records.isEmpty()) {
            throw new InputException(in.path(), "has no generation record");
        }
        int n = c.optionalParam(RECORD) == null ? 1 : ((Number) c.optionalParam(RECORD)).intValue();
        if (n < 1 || n > records.size()) {
            throw new ParameterException("record " + n + ": the file has " + records.size() + " record(s)");
        }
        GenerationRecord r = records.get(n - 1);
        int timeout = (int) c.number(TIMEOUT);
        if (timeout <= 0) {
            throw new ParameterException("timeout must be positive");
        }
        GeneratorServer server;
        try {
            server = GeneratorServer.connect(api(c.optionalParam(API), r), URI.create(c.text(SERVER)),
                    Duration.ofSeconds(timeout));
        } catch (IllegalArgumentException e) {
            throw new ParameterException("server: " + e.getMessage());
        }
        List<Variations.Kind> controls = Arrays.stream(c.text(VARIATIONS).split(","))
                .map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> Variations.Kind.valueOf(s.toUpperCase(Locale.ROOT))).distinct().toList();
        return Replay.run(in.exhibit(), Images.read(in.path(), c.limits()), r, server, controls,
                (step, fraction) -> c.progress(step + (fraction >= 0
                        ? String.format(Locale.ROOT, " %.0f%%", fraction * 100) : "")));
    }
}
