package org.exhibit.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** The committed error rates of the classical system, in one sentence, for reports and terminal text. */
final class ErrorRatesText {

    private static String summary;

    private ErrorRatesText() {
    }

    static synchronized String summary() {
        if (summary == null) {
            StringBuilder s = new StringBuilder();
            JsonNode synth = read("error-rates.json");
            if (synth != null) {
                JsonNode m = synth.path("methods").path(0);
                s.append(String.format(Locale.ROOT, "on held-out synthetic speakers EER %.1f %% (%d same-speaker, %d "
                                + "different-speaker pairs; exhibit bench voice)", 100 * m.path("equalErrorRate").asDouble(),
                        m.path("positives").asInt(), m.path("negatives").asInt()));
            }
            JsonNode real = read("real-voice-eval.json");
            if (real != null) {
                s.append(s.length() > 0 ? "; " : "").append(real.path("summary").asText());
            } else {
                s.append(s.length() > 0 ? "; " : "").append("not measured on real voices in this build");
            }
            summary = s.toString();
        }
        return summary;
    }

    private static JsonNode read(String name) {
        try (InputStream in = ErrorRatesText.class.getResourceAsStream(name)) {
            return in == null ? null : new ObjectMapper().readTree(in);
        } catch (IOException e) {
            return null;
        }
    }
}
