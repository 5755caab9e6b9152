package org.exhibit.analysis;

import java.util.Set;
import java.util.TreeSet;

/**
 * Every finding rule the analyses and the bundle runner can produce: what a case's checks may name. A check whose
 * rule matches none of them is a typo, refused with its line. {@code AnalysisPathsTest} fails when an analysis
 * produces a rule not listed here.
 */
public final class Rules {

    public static final Set<String> KNOWN = Set.copyOf(new TreeSet<>(Set.of(
            "bundle.integrity", "bundle.analysis-failed", "bundle.check",
            "metadata.inventory",
            "sd.carrier-limit", "sd.comfyui-cycle", "sd.comfyui-not-json", "sd.converted-file",
            "sd.decompression-bomb", "sd.exif-malformed", "sd.generation-record", "sd.history", "sd.history-name-seed",
            "sd.history-order-conflict", "sd.history-step", "sd.jpeg-malformed", "sd.jpeg-truncated",
            "sd.missing-field", "sd.model-file-hashes", "sd.model-hash-match", "sd.no-record", "sd.no-recorded-hash",
            "sd.pixels-unreadable", "sd.png-crc", "sd.png-text-malformed", "sd.png-trailing-data", "sd.png-truncated",
            "sd.recipe", "sd.records-disagree", "sd.replay", "sd.replay-control", "sd.safetensors-embedded-hash",
            "sd.safetensors-invalid", "sd.seed-noise", "sd.size-mismatch", "sd.stealth-malformed",
            "sd.text-too-large", "sd.version-anachronism", "sd.webp-malformed", "sd.webp-truncated",
            "similarity.ahash", "similarity.dhash", "similarity.phash", "similarity.whash", "similarity.pdq",
            "similarity.ssim", "similarity.ms-ssim", "similarity.keypoints", "similarity.colour-histogram",
            "similarity.regions", "similarity.conclusion",
            "watermark.mark", "watermark.removal", "watermark.metadata-stripped", "watermark.reencoding",
            "voice.recording", "voice.same-speaker", "voice.timbre", "voice.intonation", "voice.tempo", "voice.scan",
            "voice.scan-match", "voice.calibration",
            "label.status", "label.implicit", "label.implicit-noncompliant", "label.duplicate", "label.explicit",
            "label.explicit-noncompliant", "label.explicit-not-read", "label.iptc-source-type", "label.c2pa",
            "label.c2pa-tampered", "label.c2pa-not-validated", "label.c2pa-unreadable", "label.carrier-problem",
            "label.xmp-unreadable", "label.pixels-unreadable", "label.sd-metadata", "label.sd-watermark")));

    private Rules() {
    }

    /** Whether a check's rule (exact, or a prefix ending in "*") names at least one rule findings can have. */
    public static boolean matchesAny(String pattern) {
        return KNOWN.stream().anyMatch(r -> pattern.endsWith("*")
                ? r.startsWith(pattern.substring(0, pattern.length() - 1)) : r.equals(pattern));
    }
}
