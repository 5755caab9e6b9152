package org.exhibit.label;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Verdict;
import org.exhibit.fixtures.C2paBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One fixture per C2PA status code (C2paFixtures), validated with the fixtures' test root as trust anchor, against
 * what the C2PA reference (c2pa-rs, run as @contentauth/c2pa-wasm 0.13.3 by c2pa-reference.mjs) said about the
 * same bytes, committed in c2pa-reference.json. Codes the tool does not emit are left out of the comparison
 * (timeStamp.*: the time-stamp's own signature is not verified; signingCredential.ocsp.skipped: revocation is not
 * checked); every other difference is listed in {@link #DIFFERENCES} with the reason.
 */
class C2paValidationTest {

    @TempDir
    Path dir;

    static final Path CHATGPT = LabelStatusTest.CHATGPT;

    /** Where exhibit and c2pa-rs differ on a fixture, on purpose. */
    record Difference(Set<String> referenceOnlyFailures, Set<String> referenceOnlySuccesses, String why) {
    }

    static final Map<String, Difference> DIFFERENCES = Map.of(
            "unsupported-alg.png", new Difference(Set.of("claimSignature.mismatch"), Set.of(),
                    "c2pa-rs adds claimSignature.mismatch for a signature whose algorithm it cannot check; exhibit "
                            + "says only algorithm.unsupported (could not validate), never that the signature does "
                            + "not match"),
            "expired-signer.png", new Difference(Set.of(), Set.of("claimSignature.insideValidity"),
                    "c2pa-rs reports claimSignature.insideValidity beside signingCredential.expired; exhibit does "
                            + "not say a signature made with an expired certificate is inside its validity"));

    /** The outcome exhibit must reach for each fixture. */
    static final Map<String, String> OUTCOME = Map.ofEntries(
            Map.entry("valid.png", C2paManifest.VALID), Map.entry("valid.jpg", C2paManifest.VALID),
            Map.entry("valid.webp", C2paManifest.VALID),
            Map.entry("pixel-changed.png", C2paManifest.TAMPERED),
            Map.entry("wrong-data-hash.png", C2paManifest.TAMPERED),
            Map.entry("wrong-assertion-hash.png", C2paManifest.TAMPERED),
            Map.entry("claim-changed.png", C2paManifest.TAMPERED),
            Map.entry("unsupported-alg.png", C2paManifest.COULD_NOT_VALIDATE),
            Map.entry("expired-signer.png", C2paManifest.COULD_NOT_VALIDATE),
            Map.entry("no-eku-signer.png", C2paManifest.COULD_NOT_VALIDATE),
            Map.entry("ca-signer.png", C2paManifest.COULD_NOT_VALIDATE),
            Map.entry("self-signed-ed25519.png", C2paManifest.COULD_NOT_VALIDATE),
            Map.entry("unknown-claim-version.png", C2paManifest.COULD_NOT_VALIDATE),
            Map.entry("ai-ingredient.png", C2paManifest.VALID),
            Map.entry("ai-composite-action.png", C2paManifest.VALID));

    static JsonNode reference() throws Exception {
        try (InputStream in = C2paValidationTest.class.getResourceAsStream("c2pa-reference.json")) {
            return new ObjectMapper().readTree(in).get("fixtures");
        }
    }

    static List<X509Certificate> trust() throws Exception {
        return C2paTrust.parse(C2paBuilder.rootPem(), "c2pa-test-root.pem");
    }

    static C2paManifest active(LabelTestSupport.Run r) {
        return r.rule("label.c2pa").stream().map(f -> (C2paManifest) f.data().get("manifest"))
                .filter(C2paManifest::active).findFirst().orElseThrow();
    }

    static List<String> sorted(JsonNode codes, Set<String> drop) {
        List<String> out = new ArrayList<>();
        codes.forEach(c -> {
            if (!drop.contains(c.asText()) && !c.asText().startsWith("timeStamp.")) {
                out.add(c.asText());
            }
        });
        out.sort(null);
        return out;
    }

    static List<String> sorted(List<String> codes, Set<String> drop) {
        return codes.stream().filter(c -> !drop.contains(c)).sorted().toList();
    }

    @Test
    void everyFixtureAgreesWithTheReference() throws Exception {
        JsonNode ref = reference();
        Map<String, byte[]> fixtures = C2paFixtures.all();
        assertEquals(OUTCOME.keySet(), fixtures.keySet());
        for (Map.Entry<String, byte[]> e : fixtures.entrySet()) {
            String name = e.getKey();
            LabelTestSupport.Run r = LabelTestSupport.trusting(dir, name, e.getValue(), trust());
            C2paManifest m = active(r);
            C2paManifest.Validation v = m.validation();
            assertEquals(OUTCOME.get(name), v.outcome(), name + ": " + v.failure());
            JsonNode want = ref.get(name);
            assertTrue(want != null, name + " is missing from c2pa-reference.json: re-run c2pa-reference.mjs");
            if (want.has("error")) { // the reference could not read it either
                assertEquals(C2paManifest.COULD_NOT_VALIDATE, v.outcome(), name);
                continue;
            }
            Difference diff = DIFFERENCES.getOrDefault(name, new Difference(Set.of(), Set.of(), ""));
            assertEquals(sorted(want.get("failure"), diff.referenceOnlyFailures()), sorted(v.failureCodes(), Set.of()),
                    name + " failures; exhibit: " + v.failure());
            Set<String> ingredientOnly = Set.of(C2paStatus.INGREDIENT_MANIFEST_VALIDATED); // c2pa-rs: ingredientDeltas
            assertEquals(sorted(want.get("success"), diff.referenceOnlySuccesses()), sorted(v.successCodes(), ingredientOnly),
                    name + " successes");
            if (want.has("ingredientSuccess")) {
                for (JsonNode c : want.get("ingredientSuccess")) {
                    if (c.asText().startsWith("ingredient.")) {
                        assertTrue(v.successCodes().contains(c.asText()), name + " " + c.asText());
                    }
                }
                assertEquals(0, want.get("ingredientFailure").size(), name);
            }
            String refTrust = want.get("success").toString().contains("signingCredential.trusted") ? "trusted"
                    : want.get("failure").toString().contains("signingCredential.untrusted") ? "untrusted" : "not checked";
            assertEquals(refTrust, v.trust(), name);
            assertEquals("Trusted".equals(want.get("state").asText()), C2paManifest.VALID.equals(v.outcome())
                    && "trusted".equals(v.trust()), name + " state " + want.get("state"));
        }
    }

    @Test
    void onlyFailedCryptographicChecksAreTampering() throws Exception {
        for (Map.Entry<String, byte[]> e : C2paFixtures.all().entrySet()) {
            LabelTestSupport.Run r = LabelTestSupport.run(dir, e.getKey(), e.getValue());
            String outcome = OUTCOME.get(e.getKey());
            assertEquals(C2paManifest.TAMPERED.equals(outcome) ? 1 : 0, r.rule("label.c2pa-tampered").size(), e.getKey());
            if (C2paManifest.COULD_NOT_VALIDATE.equals(outcome)) {
                Finding f = r.only("label.c2pa-not-validated");
                assertEquals(Verdict.INCONCLUSIVE, f.verdict());
                assertTrue(f.statement().contains("not evidence of tampering"), f.statement());
            } else {
                assertEquals(0, r.rule("label.c2pa-not-validated").size(), e.getKey());
            }
            assertEquals("not checked", active(r).validation().trust(), "no trust list given");
        }
    }

    @Test
    void eachStatusCodeNamesWhatFailed() throws Exception {
        Map<String, byte[]> f = C2paFixtures.all();
        C2paManifest.Validation v = active(LabelTestSupport.trusting(dir, "a.png", f.get("unsupported-alg.png"), trust())).validation();
        assertEquals(List.of("algorithm.unsupported"), v.failureCodes());
        assertNull(active(LabelTestSupport.run(dir, "b.png", f.get("unsupported-alg.png"))).signatureValid());

        v = active(LabelTestSupport.trusting(dir, "c.png", f.get("expired-signer.png"), trust())).validation();
        assertTrue(v.failure().stream().anyMatch(s -> s.code().equals("signingCredential.expired")
                && s.explanation().contains("now (no time-stamp)")), v.failure().toString());
        assertEquals("now", v.signingTimeSource());

        v = active(LabelTestSupport.trusting(dir, "d.png", f.get("no-eku-signer.png"), trust())).validation();
        assertTrue(v.failure().stream().anyMatch(s -> s.explanation().contains("missing required EKU")), v.failure().toString());

        v = active(LabelTestSupport.trusting(dir, "e.png", f.get("ca-signer.png"), trust())).validation();
        assertTrue(v.failure().stream().anyMatch(s -> s.explanation().contains("expected end-entity")), v.failure().toString());
        assertEquals("trusted", v.trust());

        v = active(LabelTestSupport.trusting(dir, "f.png", f.get("self-signed-ed25519.png"), trust())).validation();
        assertTrue(v.failure().stream().anyMatch(s -> s.explanation().contains("self-signed")), v.failure().toString());

        LabelTestSupport.Run r = LabelTestSupport.run(dir, "g.png", f.get("unknown-claim-version.png"));
        assertEquals(List.of("claim.missing"), active(r).validation().failureCodes());
        assertTrue(r.only("label.c2pa-not-validated").statement().contains("c2pa.claim.v9"));
        assertEquals("no-evidence", r.statusName());
        assertTrue(r.status().statement().contains("carries a C2PA manifest whose claim could not be read"),
                r.status().statement());

        r = LabelTestSupport.run(dir, "k.png", f.get("no-eku-signer.png"));
        assertTrue(r.only("label.c2pa-not-validated").statement().contains("the file still matches its signed claim"));
        assertTrue(r.status().statement().contains("the manifest could not be validated"), r.status().statement());

        r = LabelTestSupport.run(dir, "h.png", f.get("wrong-assertion-hash.png"));
        assertTrue(r.only("label.c2pa-tampered").statement().contains("1 assertion(s) differ"));
        assertEquals(List.of("assertion.hashedURI.mismatch"), active(r).validation().failureCodes());
    }

    @Test
    void aiIngredientOrCompositeActionMeansDerivedFromAi() throws Exception {
        Map<String, byte[]> f = C2paFixtures.all();
        LabelTestSupport.Run r = LabelTestSupport.run(dir, "i.png", f.get("ai-ingredient.png"));
        assertEquals("generated-but-unlabelled", r.statusName());
        assertTrue(r.status().statement().contains("derived from AI-generated content"), r.status().statement());
        assertTrue(r.status().statement().contains("Exhibit Image Model"), r.status().statement());
        assertEquals(2, r.rule("label.c2pa").size(), "the ingredient's manifest and the active one");
        assertTrue(active(r).validation().successCodes().contains("ingredient.manifest.validated"));

        r = LabelTestSupport.run(dir, "j.png", f.get("ai-composite-action.png"));
        assertEquals("generated-but-unlabelled", r.statusName());
        assertTrue(r.status().statement().contains("derived from AI-generated content"), r.status().statement());
        assertTrue(r.status().statement().contains("compositeWithTrainedAlgorithmicMedia"), r.status().statement());
        assertFalse(r.status().statement().contains("No AI label"));
    }

    @Test
    void bindingsNotImplementedOrNotAtHandAreNotValidatedNeverTampered() throws Exception {
        for (String label : List.of("c2pa.hash.bmff.v2", "c2pa.hash.bmff.v3", "c2pa.hash.boxes")) {
            byte[] png = C2paFixtures.gen().bindingLabel(label).png(C2paFixtures.png(20));
            LabelTestSupport.Run r = LabelTestSupport.run(dir, "b.png", png);
            C2paManifest.Validation v = active(r).validation();
            assertEquals(C2paManifest.COULD_NOT_VALIDATE, v.outcome(), label);
            assertEquals(List.of("algorithm.unsupported"), v.failureCodes(), label);
            assertTrue(v.failure().get(0).explanation().contains("does not implement the " + label), label);
            assertEquals(0, r.rule("label.c2pa-tampered").size(), label);
            assertTrue(r.only("label.c2pa-not-validated").statement().contains("not evidence of tampering"));
        }
        // the store alone, as another container's reader will hand it over: no asset bytes, binding not checked
        byte[] png = C2paFixtures.gen().png(C2paFixtures.png(21));
        int at = LabelTestSupport.indexOf(png, "caBX") + 4;
        int len = ((png[at - 8] & 0xFF) << 24) | ((png[at - 7] & 0xFF) << 16) | ((png[at - 6] & 0xFF) << 8) | (png[at - 5] & 0xFF);
        byte[] store = java.util.Arrays.copyOfRange(png, at, at + len);
        List<C2paManifest> ms = C2paReader.read(store, null, org.exhibit.io.Limits.DEFAULT, new C2paReader.Context(trust(), java.time.Instant.now()));
        C2paManifest.Validation v = ms.get(0).validation();
        assertEquals(C2paManifest.COULD_NOT_VALIDATE, v.outcome());
        assertEquals(List.of("general.error"), v.failureCodes());
        assertTrue(v.successCodes().containsAll(List.of("claimSignature.validated", "signingCredential.trusted")));
        ms = C2paReader.read(store, org.exhibit.io.container.ByteSource.of(png), org.exhibit.io.Limits.DEFAULT, new C2paReader.Context(trust(), java.time.Instant.now()));
        assertEquals(C2paManifest.VALID, ms.get(0).validation().outcome(), "with the asset's bytes it validates");
    }

    @Test
    void chatGptSampleAgreesWithTheReference() throws Exception {
        Assumptions.assumeTrue(Files.exists(CHATGPT), "shared sample " + CHATGPT + " absent; skipped");
        JsonNode want = reference().get(CHATGPT.getFileName().toString());
        LabelTestSupport.Run r = LabelTestSupport.trusting(dir, "chatgpt.png", Files.readAllBytes(CHATGPT), trust());
        C2paManifest.Validation v = active(r).validation();
        assertEquals(sorted(want.get("failure"), Set.of()), sorted(v.failureCodes(), Set.of()));
        assertEquals(sorted(want.get("success"), Set.of()), sorted(v.successCodes(), Set.of()));
        assertEquals(C2paManifest.VALID, v.outcome());
        assertEquals("untrusted", v.trust(), "not signed under the test root");
        assertEquals("time-stamp", v.signingTimeSource());
        assertTrue(v.signingTime().startsWith("2026-"), v.signingTime());
        assertEquals(0, r.rule("label.c2pa-tampered").size() + r.rule("label.c2pa-not-validated").size());
        v = active(LabelTestSupport.run(dir, "chatgpt2.png", Files.readAllBytes(CHATGPT))).validation();
        assertEquals(List.of(), v.failureCodes(), "no trust list: nothing fails");
        assertEquals("not checked", v.trust());
    }

    @Test
    void dumpWhenAsked() throws Exception {
        String out = System.getProperty("c2pa.dump");
        if (out != null) {
            C2paFixtures.dump(Path.of(out));
        }
    }

}
