package org.exhibit.similarity;

import org.exhibit.bench.ErrorRates;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Threshold;
import org.exhibit.evidence.Verdict;

import java.util.ArrayList;
import java.util.List;

import static org.exhibit.similarity.SimilarityAnalyzer.ANALYZER;
import static org.exhibit.similarity.SimilarityAnalyzer.BENCH;
import static org.exhibit.similarity.SimilarityAnalyzer.method;
import static org.exhibit.similarity.SimilarityAnalyzer.whole;

/** Whole-image perceptual hash findings: PDQ (with dihedral variants) and imagehash's aHash, dHash, pHash, wHash. */
final class HashFindings {

    private static final String IMAGEHASH_REF = "imagehash 4.3 (J. Buchner), same bits as its Python code on Pillow's "
            + "L conversion and LANCZOS resize";

    private HashFindings() {
    }

    static List<Finding> all(Comparison c, Exhibit original, Exhibit accused) {
        List<Finding> out = new ArrayList<>();
        out.add(pdq(c, original, accused));
        String[] names = {"ahash", "dhash", "phash", "whash"};
        String[] titles = {"Average hash (aHash)", "Difference hash (dHash)", "Perceptual DCT hash (pHash)",
                "Wavelet hash (wHash, Haar)"};
        long[] o = {c.hashesOriginal().aHash(), c.hashesOriginal().dHash(), c.hashesOriginal().pHash(), c.hashesOriginal().wHash()};
        long[] a = {c.hashesAccused().aHash(), c.hashesAccused().dHash(), c.hashesAccused().pHash(), c.hashesAccused().wHash()};
        int[] d = c.imageHashDistances();
        for (int i = 0; i < 4; i++) {
            boolean match = d[i] <= Thresholds.IMAGEHASH;
            out.add(Finding.builder(ANALYZER, "similarity." + names[i], method(titles[i], "1", IMAGEHASH_REF))
                    .verdict(match ? Verdict.INDICATES : Verdict.CONTRADICTS)
                    .statement(titles[i] + " distance " + d[i] + " of 64 bits " + (match ? "≤ " : "> ") + Thresholds.IMAGEHASH
                            + ": the whole images " + (match ? "are" : "are not") + " near-duplicates by this hash.")
                    .measure("hammingDistance", d[i], "bits")
                    .threshold(new Threshold("hammingDistance", "<=", Thresholds.IMAGEHASH, ErrorRates.of(BENCH, names[i])))
                    .evidence(whole(original, c.alignment().originalWidth(), c.alignment().originalHeight()))
                    .evidence(whole(accused, c.alignment().accusedWidth(), c.alignment().accusedHeight()))
                    .data("originalHash", ImageHashes.Hashes.hex(o[i]))
                    .data("accusedHash", ImageHashes.Hashes.hex(a[i]))
                    .limitation("A whole-image hash: a crop, rotation, mirror or pasting into another picture changes "
                            + "it, so a large distance does not rule out partial copying.")
                    .build());
        }
        return out;
    }

    private static Finding pdq(Comparison c, Exhibit original, Exhibit accused) {
        int d = c.pdqDistance();
        int q = Math.min(c.pdqOriginal().quality(), c.pdqAccused().quality());
        boolean match = d <= Thresholds.PDQ;
        Verdict v = q < Pdq.MIN_QUALITY ? Verdict.INCONCLUSIVE : match ? Verdict.INDICATES : Verdict.CONTRADICTS;
        String variant = c.pdqVariant() == Pdq.Dihedral.ORIGINAL ? "" : " (against the original's "
                + c.pdqVariant().name().toLowerCase().replace('_', ' ') + " variant)";
        String statement = q < Pdq.MIN_QUALITY
                ? "PDQ quality " + q + " is below " + Pdq.MIN_QUALITY + " (too flat or too small): the hash is not reliable here."
                : "PDQ distance " + d + " of 256 bits" + variant + (match ? " ≤ " : " > ") + Thresholds.PDQ + ": the whole images "
                + (match ? "are" : "are not") + " perceptual near-duplicates.";
        return Finding.builder(ANALYZER, "similarity.pdq", method("PDQ perceptual hash, best of 8 dihedral variants",
                        "1", "Meta ThreatExchange pdq (hashing.pdf); bit-exact with the reference implementation's published vector"))
                .verdict(v).statement(statement)
                .measure("hammingDistance", d, "bits")
                .measure("qualityOriginal", c.pdqOriginal().quality(), "0-100")
                .measure("qualityAccused", c.pdqAccused().quality(), "0-100")
                .threshold(new Threshold("hammingDistance", "<=", Thresholds.PDQ, ErrorRates.of(BENCH, "pdq")))
                .evidence(whole(original, c.alignment().originalWidth(), c.alignment().originalHeight()))
                .evidence(whole(accused, c.alignment().accusedWidth(), c.alignment().accusedHeight()))
                .data("originalHash", c.pdqOriginal().hash().hex())
                .data("accusedHash", c.pdqAccused().hash().hex())
                .data("variant", c.pdqVariant().name())
                .limitation("A whole-image hash: cropping more than a few per cent, pasting into another picture or "
                        + "small rotations change it; Meta discards hashes of quality below " + Pdq.MIN_QUALITY + ".")
                .build();
    }
}
