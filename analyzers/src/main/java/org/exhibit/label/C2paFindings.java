package org.exhibit.label;

import org.exhibit.bench.ErrorRates;
import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Method;
import org.exhibit.evidence.Threshold;
import org.exhibit.evidence.Verdict;
import org.exhibit.io.Limits;
import org.exhibit.io.container.ByteSource;

import java.io.IOException;
import java.util.List;

/** Findings about C2PA manifests: who signed, what they claim, and whether the file still matches the claim. */
final class C2paFindings {

    static final Method METHOD = new Method("C2PA manifest reader and hard-binding check", "1",
            "C2PA Technical Specification 2.1 (JUMBF ISO/IEC 19566-5 manifest store, CBOR claim v1/v2, "
                    + "c2pa.hash.data, COSE_Sign1 RFC 9052 with x5chain); checked against a ChatGPT image's manifest");

    private C2paFindings() {
    }

    static void add(Exhibit exhibit, CarrierScan scan, ByteSource src, Limits limits, Marks marks, List<Finding> out) {
        for (CarrierScan.C2paStore store : scan.c2pa) {
            EvidencePointer at = store.where().pointer(exhibit);
            List<C2paManifest> manifests;
            try {
                manifests = C2paReader.read(store, src, limits);
            } catch (IOException | RuntimeException e) {
                out.add(Finding.builder(LabelAnalyzer.ANALYZER, "label.c2pa-unreadable", METHOD)
                        .verdict(Verdict.INCONCLUSIVE)
                        .statement("A JUMBF box in " + store.where().carrier() + " could not be read as a C2PA "
                                + "manifest store (" + e.getMessage() + ").")
                        .evidence(at).build());
                continue;
            }
            for (int i = 0; i < manifests.size(); i++) {
                manifest(exhibit, manifests.get(i), i == manifests.size() - 1, at, marks, out);
            }
        }
    }

    private static void manifest(Exhibit exhibit, C2paManifest m, boolean active, EvidencePointer at, Marks marks,
                                 List<Finding> out) {
        boolean ai = m.digitalSourceTypes().stream().anyMatch(ImplicitFindings::isAiSourceType);
        String types = String.join(", ", m.digitalSourceTypes().stream()
                .map(t -> t.replace(ImplicitFindings.SOURCE_TYPES, "")).toList());
        StringBuilder s = new StringBuilder(exhibit.path()).append(" carries a").append(active ? "n active" : "n ingredient")
                .append(" C2PA manifest by \"").append(m.claimGenerator()).append("\"");
        if (m.signer() != null) {
            s.append(", signed by ").append(m.signer().subject());
        }
        s.append(types.isEmpty() ? "; it names no digital source type" : "; digital source type " + types);
        s.append(ai ? " (made by a trained AI model)." : ".");
        Finding.Builder b = Finding.builder(LabelAnalyzer.ANALYZER, "label.c2pa", METHOD).verdict(Verdict.INFO)
                .statement(s.toString()).evidence(at).data("manifest", m)
                .measure("assertions matching their hash", m.assertionsMatched(), "assertions")
                .measure("assertions checked", m.assertionsChecked(), "assertions")
                .limitation(m.signatureNote())
                .limitation("A valid C2PA manifest shows who signed a claim, not that the claim is true; a missing "
                        + "manifest proves nothing, since most tools drop it on re-saving.");
        out.add(b.build());
        if (active && ai) {
            marks.generatorMarks.add(new Marks.Mark("c2pa", "C2PA manifest by " + m.claimGenerator() + " ("
                    + types + ")", at));
        }
        if (!active) {
            return;
        }
        boolean hashBroken = m.dataHash() != null && !m.dataHash().matches();
        boolean sigBroken = Boolean.FALSE.equals(m.signatureValid());
        boolean assertionsBroken = m.assertionsMatched() < m.assertionsChecked();
        if (hashBroken || sigBroken || assertionsBroken) {
            Finding.Builder t = Finding.builder(LabelAnalyzer.ANALYZER, "label.c2pa-tampered", METHOD)
                    .verdict(Verdict.STRONGLY_INDICATES)
                    .statement(exhibit.path() + " no longer matches its C2PA manifest: "
                            + String.join("; ", java.util.stream.Stream.of(
                                    hashBroken ? "the file's bytes outside the manifest hash to " + m.dataHash().actual()
                                            + ", not the signed " + m.dataHash().expected() : null,
                                    assertionsBroken ? (m.assertionsChecked() - m.assertionsMatched())
                                            + " assertion(s) differ from their hash in the claim" : null,
                                    sigBroken ? "the claim signature does not verify" : null)
                            .filter(java.util.Objects::nonNull).toList()) + ".")
                    .evidence(at)
                    .measure("data hash matches", m.dataHash() == null ? -1 : m.dataHash().matches() ? 1 : 0, "boolean")
                    .threshold(new Threshold("data hash matches", "==", 0, ErrorRates.of("label", "c2pa-binding")));
            if (hashBroken) {
                t.evidence(EvidencePointer.bytes(exhibit, "bytes covered by c2pa.hash.data", 0, exhibit.size()));
            }
            out.add(t.build());
        }
    }
}
