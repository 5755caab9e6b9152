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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Findings about C2PA manifests: who signed, what they claim, and what validating them found, kept in three
 * outcomes: valid; tampered (a hash or signature check that could be made failed: only these); could not validate
 * (something needed is missing, unsupported or unreadable, which is not evidence of tampering).
 */
final class C2paFindings {

    static final Method METHOD = new Method("C2PA manifest validation", "2",
            "C2PA Technical Specification 2.x (JUMBF ISO/IEC 19566-5 manifest store, CBOR claim v1/v2, hashed URIs, "
                    + "c2pa.hash.data, COSE_Sign1 RFC 9052 with x5chain, §14.5 certificate profile); status codes as "
                    + "c2pa-rs names them; checked against c2pa-rs (@contentauth/c2pa-wasm 0.13.3) on test fixtures "
                    + "and a ChatGPT image");

    /** digitalSourceType terms that mean the content was made, or partly made, by an AI model or an algorithm. */
    static final Set<String> AI_TERMS = Set.of("trainedAlgorithmicMedia", "compositeWithTrainedAlgorithmicMedia",
            "algorithmicMedia");

    private C2paFindings() {
    }

    static boolean isAi(String sourceType) {
        if (sourceType == null) {
            return false;
        }
        String t = sourceType.strip().replace(ImplicitFindings.SOURCE_TYPES, "");
        return AI_TERMS.contains(t);
    }

    static void add(Exhibit exhibit, CarrierScan scan, ByteSource src, Limits limits, Marks marks, List<Finding> out,
                    C2paReader.Context ctx) {
        for (CarrierScan.C2paStore store : scan.c2pa) {
            EvidencePointer at = store.where().pointer(exhibit);
            List<C2paManifest> manifests;
            try {
                manifests = C2paReader.read(store, src, limits, ctx);
            } catch (IOException | RuntimeException e) {
                out.add(Finding.builder(LabelAnalyzer.ANALYZER, "label.c2pa-unreadable", METHOD)
                        .verdict(Verdict.INCONCLUSIVE)
                        .statement("A JUMBF box in " + store.where().carrier() + " could not be read as a C2PA "
                                + "manifest store (" + e.getMessage() + "), so it could not be validated; this is "
                                + "not evidence of tampering.")
                        .data("validation", Map.of("outcome", C2paManifest.COULD_NOT_VALIDATE, "failure",
                                List.of(new C2paStatus(C2paStatus.GENERAL_ERROR, "self#jumbf=/c2pa",
                                        "manifest store unreadable: " + e.getMessage()))))
                        .evidence(at).build());
                marks.unreadC2pa.add(new Marks.Mark("c2pa", "a C2PA manifest store that could not be read ("
                        + e.getMessage() + ")", at));
                continue;
            }
            for (C2paManifest m : manifests) {
                manifest(exhibit, m, manifests, at, marks, out);
            }
        }
    }

    private static String terms(List<String> types) {
        return String.join(", ", types.stream().map(t -> t.replace(ImplicitFindings.SOURCE_TYPES, "")).toList());
    }

    private static void manifest(Exhibit exhibit, C2paManifest m, List<C2paManifest> store, EvidencePointer at,
                                 Marks marks, List<Finding> out) {
        boolean active = m.active();
        boolean ai = m.digitalSourceTypes().stream().anyMatch(C2paFindings::isAi);
        String types = terms(m.digitalSourceTypes());
        C2paManifest.Validation v = m.validation();
        StringBuilder s = new StringBuilder(exhibit.path()).append(" carries a").append(active ? "n active" : "n ingredient")
                .append(" C2PA manifest");
        if (m.claimGenerator() != null) {
            s.append(" by \"").append(m.claimGenerator()).append("\"");
        }
        if (m.signer() != null) {
            s.append(", signed by ").append(m.signer().subject());
        }
        s.append(types.isEmpty() ? "; it names no digital source type" : "; digital source type " + types);
        s.append(ai ? " (made by AI or an algorithm)" : "");
        s.append(". Validation: ").append(switch (v.outcome()) {
            case C2paManifest.VALID -> "valid (" + String.join(", ", new LinkedHashSet<>(v.successCodes())) + ")";
            case C2paManifest.TAMPERED -> "the file or manifest was changed after signing (" + failures(v, true) + ")";
            default -> "could not validate (" + failures(v, false) + ")";
        }).append("; signer trust ").append(v.trust()).append(".");
        Finding.Builder b = Finding.builder(LabelAnalyzer.ANALYZER, "label.c2pa", METHOD).verdict(Verdict.INFO)
                .statement(s.toString()).evidence(at).data("manifest", m)
                .measure("assertions matching their hash", m.assertionsMatched(), "assertions")
                .measure("assertions checked", m.assertionsChecked(), "assertions")
                .limitation(m.signatureNote())
                .limitation("A valid C2PA manifest shows who signed a claim, not that the claim is true; a missing "
                        + "manifest proves nothing, since most tools drop it on re-saving.");
        out.add(b.build());
        if (!active) {
            return;
        }
        String qualifier = switch (v.outcome()) {
            case C2paManifest.TAMPERED -> "; the file no longer matches this manifest";
            case C2paManifest.COULD_NOT_VALIDATE -> "; the manifest could not be validated";
            default -> "";
        };
        if (ai) {
            marks.generatorMarks.add(new Marks.Mark("c2pa", aiMark(m) + qualifier, at));
        } else if (m.claimGenerator() == null) {
            marks.unreadC2pa.add(new Marks.Mark("c2pa", "a C2PA manifest whose claim could not be read ("
                    + failures(v, false) + ")", at));
        }
        derived(m, store, at, marks, qualifier);
        if (C2paManifest.TAMPERED.equals(v.outcome())) {
            tampered(exhibit, m, at, out);
        } else if (C2paManifest.COULD_NOT_VALIDATE.equals(v.outcome())) {
            notValidated(exhibit, m, at, out);
        }
    }

    /**
     * The mark's words: "made by AI" when the asset was created with an AI source type; "derived from AI-generated
     * content" when an edit (any action but c2pa.created) or a composite names it.
     */
    private static String aiMark(C2paManifest m) {
        List<String> derived = new ArrayList<>();
        boolean created = false;
        for (C2paManifest.Action a : m.actions()) {
            if (!isAi(a.digitalSourceType())) {
                continue;
            }
            String term = a.digitalSourceType().replace(ImplicitFindings.SOURCE_TYPES, "");
            if ("c2pa.created".equals(a.action()) && !term.startsWith("composite")) {
                created = true;
            } else {
                derived.add("action " + a.action() + ", " + term);
            }
        }
        if (!created && !derived.isEmpty()) {
            return "derived from AI-generated content: C2PA manifest by " + m.claimGenerator() + " ("
                    + String.join("; ", derived) + ")";
        }
        return "C2PA manifest by " + m.claimGenerator() + " (" + terms(m.digitalSourceTypes()) + ")";
    }

    /** Ingredient manifests with an AI source type: the file was derived from AI-generated content. */
    private static void derived(C2paManifest active, List<C2paManifest> store, EvidencePointer at, Marks marks,
                                String qualifier) {
        if (active.digitalSourceTypes().stream().anyMatch(C2paFindings::isAi)) {
            return; // already marked as made by AI
        }
        for (C2paManifest.Ingredient ing : active.ingredients()) {
            for (C2paManifest m : store) {
                if (m.active() || ing.manifest() == null || !ing.manifest().equals(m.label())) {
                    continue;
                }
                List<String> aiTypes = m.digitalSourceTypes().stream().filter(C2paFindings::isAi).toList();
                if (!aiTypes.isEmpty()) {
                    marks.generatorMarks.add(new Marks.Mark("c2pa", "derived from AI-generated content: C2PA "
                            + "ingredient" + (ing.title() == null ? "" : " \"" + ing.title() + "\"") + " made by "
                            + m.claimGenerator() + " (" + terms(aiTypes) + "), edited by " + active.claimGenerator()
                            + qualifier, at));
                    return;
                }
            }
        }
    }

    private static String failures(C2paManifest.Validation v, boolean tamperOnly) {
        List<String> out = new ArrayList<>();
        for (C2paStatus f : v.failure()) {
            boolean tamper = C2paStatus.TAMPER_CODES.contains(f.code());
            if (tamperOnly == tamper && !C2paStatus.TRUST_CODES.contains(f.code())) {
                out.add(f.code() + ": " + f.explanation());
            }
        }
        return String.join("; ", out);
    }

    private static void tampered(Exhibit exhibit, C2paManifest m, EvidencePointer at, List<Finding> out) {
        C2paManifest.Validation v = m.validation();
        boolean hashBroken = m.dataHash() != null && !m.dataHash().matches();
        List<String> what = new ArrayList<>();
        if (hashBroken) {
            what.add("the file's bytes outside the manifest hash to " + m.dataHash().actual() + ", not the signed "
                    + m.dataHash().expected());
        }
        if (m.assertionsMatched() < m.assertionsChecked()) {
            what.add((m.assertionsChecked() - m.assertionsMatched()) + " assertion(s) differ from their hash in the claim");
        }
        if (Boolean.FALSE.equals(m.signatureValid())) {
            what.add("the claim signature does not verify");
        }
        if (what.isEmpty()) {
            what.add(failures(v, true));
        }
        Finding.Builder t = Finding.builder(LabelAnalyzer.ANALYZER, "label.c2pa-tampered", METHOD)
                .verdict(Verdict.STRONGLY_INDICATES)
                .statement(exhibit.path() + " no longer matches its C2PA manifest: " + String.join("; ", what) + ".")
                .evidence(at)
                .data("failure", v.failure())
                .measure("data hash matches", m.dataHash() == null ? -1 : m.dataHash().matches() ? 1 : 0, "boolean")
                .threshold(new Threshold("data hash matches", "==", 0, ErrorRates.of("label", "c2pa-binding")));
        if (hashBroken) {
            t.evidence(EvidencePointer.bytes(exhibit, "bytes covered by c2pa.hash.data", 0, exhibit.size()));
        }
        out.add(t.build());
    }

    private static void notValidated(Exhibit exhibit, C2paManifest m, EvidencePointer at, List<Finding> out) {
        C2paManifest.Validation v = m.validation();
        List<String> passed = new ArrayList<>(new LinkedHashSet<>(v.successCodes()));
        boolean bound = passed.contains(C2paStatus.CLAIM_SIGNATURE_VALIDATED)
                && (passed.contains(C2paStatus.ASSERTION_DATAHASH_MATCH) || passed.contains(C2paStatus.ASSERTION_BMFFHASH_MATCH)
                || passed.contains(C2paStatus.ASSERTION_BOXESHASH_MATCH));
        String after = bound
                ? "the file still matches its signed claim (" + String.join(", ", passed) + "), but the manifest "
                + "cannot be accepted as a valid C2PA credential"
                : "what could not be checked is unknown either way" + (passed.isEmpty() ? ""
                : "; the checks that could be made passed (" + String.join(", ", passed) + ")");
        out.add(Finding.builder(LabelAnalyzer.ANALYZER, "label.c2pa-not-validated", METHOD)
                .verdict(Verdict.INCONCLUSIVE)
                .statement("The C2PA manifest of " + exhibit.path() + " could not be validated: " + failures(v, false)
                        + ". This is not evidence of tampering: " + after + ".")
                .evidence(at)
                .data("failure", v.failure())
                .build());
    }
}
