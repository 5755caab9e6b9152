package org.exhibit.sd.hash;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds which weight files a recorded hash names. A recorded hash of L hex digits matches a file when it is the
 * first L digits of the file's whole-file SHA-256 (AutoV2 at 10, A1111's 12-digit shorthash, SHA256 at 64) or of
 * its addnet hash (AutoV3; the LoRA shorthash at 12), or equals its AutoV1 or CRC32 (8 digits), or its BLAKE3.
 */
public final class HashMatcher {

    /** Fewer digits than this name too many files by chance to be worth a claim. */
    public static final int MIN_DIGITS = 8;

    public enum Outcome { MATCH, AMBIGUOUS, NO_MATCH, UNUSABLE }

    /**
     * @param file   the file
     * @param scheme the hash scheme under which it matched, in Civitai's and A1111's words
     * @param weak   true for schemes that cover part of the file or resist no forgery (AutoV1, CRC32)
     */
    public record Hit(ModelFileHashes file, String scheme, boolean weak) {
    }

    /**
     * @param recorded  the recorded hash
     * @param outcome   MATCH (one file, or byte-identical copies), AMBIGUOUS (different files), NO_MATCH, UNUSABLE
     * @param hits      the files it matches
     * @param sameName  files whose name is the recorded resource name, whether or not they match
     */
    public record Result(RecordedHash recorded, Outcome outcome, List<Hit> hits, List<ModelFileHashes> sameName) {
    }

    private HashMatcher() {
    }

    public static Result match(RecordedHash recorded, List<ModelFileHashes> files) {
        List<ModelFileHashes> sameName = new ArrayList<>();
        for (ModelFileHashes f : files) {
            if (recorded.resource() != null && f.stem().equalsIgnoreCase(lastSegment(recorded.resource()))) {
                sameName.add(f);
            }
        }
        String h = recorded.hex();
        if (h == null || h.length() < MIN_DIGITS) {
            return new Result(recorded, Outcome.UNUSABLE, List.of(), sameName);
        }
        List<Hit> hits = new ArrayList<>();
        for (ModelFileHashes f : files) {
            Hit hit = hit(f, h);
            if (hit != null) {
                hits.add(hit);
            }
        }
        if (hits.stream().anyMatch(x -> !x.weak())) {
            hits.removeIf(Hit::weak); // a full-strength match outranks a partial-file or CRC coincidence
        }
        Set<String> distinct = new LinkedHashSet<>();
        hits.forEach(x -> distinct.add(x.file().sha256()));
        Outcome outcome = hits.isEmpty() ? Outcome.NO_MATCH : distinct.size() == 1 ? Outcome.MATCH : Outcome.AMBIGUOUS;
        return new Result(recorded, outcome, hits, sameName);
    }

    static Hit hit(ModelFileHashes f, String h) {
        int n = h.length();
        if (f.sha256().startsWith(h)) {
            return new Hit(f, switch (n) {
                case 10 -> "AutoV2 (first 10 hex of the file's SHA-256)";
                case 64 -> "SHA256 (whole file)";
                default -> "first " + n + " hex of the file's SHA-256";
            }, false);
        }
        if (f.addnet() != null && f.addnet().startsWith(h)) {
            return new Hit(f, n == 64 ? "AutoV3 (addnet: SHA-256 of the safetensors data after the header)"
                    : "AutoV3 first " + n + " hex (addnet hash; A1111's LoRA shorthash at 12)", false);
        }
        if (n == 8 && f.autoV1().equals(h)) {
            return new Hit(f, "AutoV1 (A1111 old hash: SHA-256 of 64 KiB at offset 1 MiB)", true);
        }
        if (n == 8 && f.crc32().equalsIgnoreCase(h)) {
            return new Hit(f, "CRC32", true);
        }
        if (n == 8 && f.civitaiCrc32().equalsIgnoreCase(h)) {
            return new Hit(f, "CRC32 (Civitai's byte order)", true);
        }
        if (n == 64 && h.equals(f.blake3())) {
            return new Hit(f, "BLAKE3", false);
        }
        return null;
    }

    private static String lastSegment(String name) {
        String s = name.replace('\\', '/');
        s = s.substring(s.lastIndexOf('/') + 1);
        for (String ext : List.of(".safetensors", ".ckpt", ".pt", ".pth", ".bin")) {
            if (s.toLowerCase(Locale.ROOT).endsWith(ext)) {
                return s.substring(0, s.length() - ext.length());
            }
        }
        return s;
    }
}
