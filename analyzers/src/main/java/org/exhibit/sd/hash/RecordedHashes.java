package org.exhibit.sd.hash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;
import org.exhibit.sd.GenerationRecord;
import org.exhibit.sd.Lora;
import org.exhibit.sd.Param;
import org.exhibit.sd.Source;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The resource hashes a generation record states, each with the bytes that state it: A1111's "Model hash",
 * "VAE hash", "Lora hashes" (read by the record's reader), "TI hashes" ("name: hash, name: hash") and Civitai's
 * "Hashes" JSON ({"model": …, "vae": …, "lora:name": …, "embed:name": …}).
 */
public final class RecordedHashes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordedHashes() {
    }

    public static List<RecordedHash> of(GenerationRecord r, Exhibit image) {
        List<RecordedHash> out = new ArrayList<>();
        add(out, r, image, "Model hash", r.model(), "checkpoint", r.modelHash());
        add(out, r, image, "VAE hash", r.vae(), "vae", r.vaeHash());
        Set<String> seen = new LinkedHashSet<>();
        for (Lora l : r.loras()) {
            if (l.hash() != null && seen.add(l.name() + "\0" + l.hash())) {
                add(out, r, image, "Lora hashes", l.name(), l.kind() == null ? "lora" : l.kind(), l.hash());
            }
        }
        String ti = r.parameter("TI hashes");
        if (ti != null) {
            for (String pair : ti.split(",")) {
                int colon = pair.lastIndexOf(':');
                if (colon > 0) {
                    add(out, r, image, "TI hashes", pair.substring(0, colon).strip(), "embedding",
                            pair.substring(colon + 1).strip());
                }
            }
        }
        String civitai = r.parameter("Hashes");
        if (civitai != null) {
            civitaiHashes(out, r, image, civitai);
        }
        return out;
    }

    private static void civitaiHashes(List<RecordedHash> out, GenerationRecord r, Exhibit image, String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (java.io.IOException e) {
            return; // not JSON: the reader keeps the text verbatim; there is no hash to check
        }
        if (node == null || !node.isObject()) {
            return;
        }
        node.fields().forEachRemaining(e -> {
            String key = e.getKey();
            int colon = key.indexOf(':');
            String kind = colon > 0 ? key.substring(0, colon) : key;
            String name = colon > 0 ? key.substring(colon + 1) : kind.equals("model") ? r.model()
                    : kind.equals("vae") ? r.vae() : null;
            add(out, r, image, "Hashes", name, kind.equals("model") ? "checkpoint" : kind.equals("embed")
                    ? "embedding" : kind, e.getValue().asText());
        });
    }

    private static void add(List<RecordedHash> out, GenerationRecord r, Exhibit image, String field, String name,
                            String kind, String hash) {
        if (hash == null || hash.isBlank()) {
            return;
        }
        out.add(new RecordedHash(field, name, kind, hash, where(r, image, field, hash)));
    }

    /** The bytes of {@code hash} inside the field's value, when the record's text is stored uncompressed. */
    static EvidencePointer where(GenerationRecord r, Exhibit image, String field, String hash) {
        Source s = r.source();
        String carrier = s == null ? "generation record" : s.describe();
        String raw = r.rawText();
        if (s != null && raw != null) {
            for (Param p : r.parameters()) {
                if (!p.key().equals(field) || p.textOffset() < 0) {
                    continue;
                }
                int end = Math.min(raw.length(), p.textOffset() + p.textLength());
                int at = raw.substring(p.textOffset(), end).indexOf(hash);
                Long offset = at < 0 ? null : s.fileOffset(raw, p.textOffset() + at);
                if (offset != null) {
                    return new EvidencePointer(image.sha256(), carrier, field, offset, s.byteLength(hash), null,
                            null, null);
                }
            }
        }
        return EvidencePointer.field(image, carrier, field);
    }
}
