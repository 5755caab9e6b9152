package org.exhibit.sd.hash;

import org.exhibit.bench.ErrorRates;
import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Method;
import org.exhibit.evidence.Threshold;
import org.exhibit.evidence.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Says which weight files the hashes in a generation record name: a finding per weight file (its hashes under
 * every scheme), per broken safetensors header, and per recorded hash (match, no match, ambiguous).
 */
public final class ModelVerifier {

    public static final String ANALYZER = "sd";
    public static final Method METHOD = new Method("SD model hash schemes", "1",
            "AUTOMATIC1111 modules/hashes.py (sha256, addnet_hash_safetensors) and sd_models.model_hash; kohya-ss "
                    + "sd-scripts train_util.py; Civitai file hash names (AutoV1, AutoV2, AutoV3, SHA256, CRC32, BLAKE3)");
    private static final String WEAK = "AutoV1 covers only 64 KiB at offset 1 MiB, so different models that share "
            + "those bytes (fine-tunes of one base) collide; CRC32 is not collision-resistant and can be forged.";

    /** A hashed weight file and the exhibit that stands for it in the report. */
    public record WeightFile(Exhibit exhibit, ModelFileHashes hashes) {
    }

    private ModelVerifier() {
    }

    /** Findings about the weight files themselves: their hashes, and any broken safetensors header. */
    public static List<Finding> describe(List<WeightFile> files) {
        List<Finding> out = new ArrayList<>();
        for (WeightFile w : files) {
            ModelFileHashes h = w.hashes();
            Map<String, String> civitai = h.civitaiNames();
            out.add(Finding.builder(ANALYZER, "sd.model-file-hashes", METHOD)
                    .statement(h.path() + " (" + h.format() + ", " + h.size() + " bytes) hashes to AutoV2 "
                            + civitai.get("AutoV2") + (h.addnet() != null ? ", AutoV3 " + civitai.get("AutoV3")
                            .substring(0, 12) + "…" : "") + ", AutoV1 " + civitai.get("AutoV1") + ".")
                    .measure("size", h.size(), "bytes")
                    .evidence(EvidencePointer.bytes(w.exhibit(), "whole file", 0, h.size()))
                    .data("hashes", h).data("civitai", civitai).build());
            SafetensorsHeader header = h.header();
            if (header != null && !header.valid()) {
                out.add(Finding.builder(ANALYZER, "sd.safetensors-invalid", METHOD).verdict(Verdict.INDICATES)
                        .statement(h.path() + " is not a valid safetensors file: " + header.problems().get(0) + ".")
                        .evidence(EvidencePointer.bytes(w.exhibit(), "safetensors header", 0,
                                Math.min(h.size(), 8 + Math.max(0, Math.min(header.declaredLength(), h.size())))))
                        .limitation("A1111 still computes its LoRA hash over the bytes after the declared header, "
                                + "which is what AutoV3 here reports; loaders refuse the file.")
                        .data("problems", header.problems()).build());
            }
            String embedded = header == null ? null : header.metadata().get("sshs_model_hash");
            if (embedded != null && h.addnet() != null && !embedded.equalsIgnoreCase(h.addnet())) {
                out.add(Finding.builder(ANALYZER, "sd.safetensors-embedded-hash", METHOD).verdict(Verdict.INDICATES)
                        .statement(h.path() + " says in its header that its tensor data hashes to " + embedded
                                + " (sshs_model_hash), but it hashes to " + h.addnet()
                                + ": the tensors changed after the training tool wrote the header.")
                        .evidence(EvidencePointer.bytes(w.exhibit(), "safetensors header", 8, header.declaredLength())
                                .withField("__metadata__.sshs_model_hash"))
                        .build());
            }
        }
        return out;
    }

    /** One finding per recorded hash: which of the files, if any, it names. */
    public static List<Finding> verify(List<RecordedHash> recorded, List<WeightFile> files) {
        List<ModelFileHashes> hashes = files.stream().map(WeightFile::hashes).toList();
        Map<String, Exhibit> exhibitOf = new LinkedHashMap<>();
        files.forEach(w -> exhibitOf.put(w.hashes().path(), w.exhibit()));
        List<Finding> out = new ArrayList<>();
        for (RecordedHash r : recorded) {
            out.add(finding(HashMatcher.match(r, hashes), files.size(), exhibitOf));
        }
        return out;
    }

    private static Finding finding(HashMatcher.Result m, int fileCount, Map<String, Exhibit> exhibitOf) {
        RecordedHash r = m.recorded();
        String what = r.field() + (r.resource() != null ? " for " + r.resource() : "") + " (" + r.hash() + ")";
        Finding.Builder b = Finding.builder(ANALYZER, "sd.model-hash-match", METHOD)
                .evidence(r.where())
                .measure("recorded hex digits", r.hash().strip().length(), "digits")
                .measure("files compared", fileCount, "files")
                .data("outcome", m.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .data("recordedHash", r.hash()).data("field", r.field()).data("kind", r.kind());
        if (r.resource() != null) {
            b.data("resource", r.resource());
        }
        List<Map<String, Object>> hits = new ArrayList<>();
        for (HashMatcher.Hit h : m.hits()) {
            b.evidence(EvidencePointer.bytes(exhibitOf.get(h.file().path()), "whole file", 0, h.file().size()));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("file", h.file().path());
            row.put("scheme", h.scheme());
            row.put("nameMatches", m.sameName().contains(h.file()));
            hits.add(row);
        }
        if (!hits.isEmpty()) {
            b.data("matches", hits);
        }
        switch (m.outcome()) {
            case UNUSABLE -> b.verdict(Verdict.INCONCLUSIVE).statement("The record's " + what + " is not a hex hash of "
                    + "at least " + HashMatcher.MIN_DIGITS + " digits, so it names no file.");
            case NO_MATCH -> {
                if (!m.sameName().isEmpty()) {
                    ModelFileHashes f = m.sameName().get(0);
                    b.verdict(Verdict.CONTRADICTS).statement("The record's " + what + " matches no file; "
                            + f.path() + " has the recorded name but other hashes (AutoV2 " + f.autoV2()
                            + (f.addnet() != null ? ", LoRA shorthash " + f.loraShortHash() : "")
                            + "), so it is not the file the generator used.");
                } else {
                    b.verdict(Verdict.INCONCLUSIVE).statement("The record's " + what + " matches none of the "
                            + fileCount + " weight files given: the file used is not among them.");
                }
            }
            case AMBIGUOUS -> b.verdict(Verdict.INCONCLUSIVE).statement("The record's " + what + " matches "
                    + m.hits().size() + " different files (" + m.hits().stream().map(h -> h.file().path())
                    .collect(Collectors.joining(", ")) + "), so it does not say which was used.")
                    .limitation(WEAK);
            case MATCH -> matched(b, m, what);
        }
        return b.build();
    }

    private static void matched(Finding.Builder b, HashMatcher.Result m, String what) {
        HashMatcher.Hit first = m.hits().get(0);
        boolean weak = first.weak();
        String copies = m.hits().size() > 1 ? " and its " + (m.hits().size() - 1) + " byte-identical copies" : "";
        boolean named = m.recorded().resource() == null || m.hits().stream().anyMatch(h -> m.sameName().contains(h.file()));
        b.verdict(weak ? Verdict.INDICATES : Verdict.STRONGLY_INDICATES)
                .statement("The record's " + what + " identifies " + first.file().path() + copies + " by "
                        + first.scheme() + (named ? "." : "; the file's name differs from the recorded name "
                        + "(a renamed copy)."))
                .threshold(new Threshold("recorded hex digits", ">=", HashMatcher.MIN_DIGITS,
                        ErrorRates.of("sd-hash", !weak ? "hash-match" : first.scheme().startsWith("AutoV1")
                                ? "hash-match-autov1" : "hash-match-crc32")))
                .limitation("A hash match shows the file's bytes are those the generator hashed; it does not show "
                        + "that this image was generated with them (a record can be written by hand).");
        if (weak) {
            b.limitation(WEAK);
        }
    }
}
