package org.exhibit.label;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;

import org.exhibit.io.Limits;
import org.exhibit.io.container.ByteSource;
import org.exhibit.io.container.Jumbf;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a C2PA manifest store (JUMBF) and validates each manifest the way c2pa-rs does, recording every check as a
 * C2PA status code: the claim signature and signer certificate ({@link CoseSign1}), each assertion's hashed URI,
 * and, for the active manifest, its hard binding to the file's bytes (c2pa.hash.data). Bindings this tool does not
 * implement (c2pa.hash.bmff.*, c2pa.hash.boxes, c2pa.hash.collection.data) are reported as not validated
 * ({@code algorithm.unsupported}), never as a mismatch. Reading, checking and reporting are separate steps.
 */
public final class C2paReader {

    static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
    static final Set<String> CLAIM_LABELS = Set.of("c2pa.claim.v2", "c2pa.claim");
    private static final Set<String> UNCHECKED_BINDINGS = Set.of("c2pa.hash.bmff", "c2pa.hash.bmff.v2",
            "c2pa.hash.bmff.v3", "c2pa.hash.boxes", "c2pa.hash.collection.data");

    /**
     * What validation needs besides the store.
     *
     * @param trust trust anchors the user gave, or null (trust not checked)
     * @param now   the time the tool runs
     */
    public record Context(List<X509Certificate> trust, Instant now) {
        public static Context untrusted() {
            return new Context(null, Instant.now());
        }
    }

    private C2paReader() {
    }

    public static List<C2paManifest> read(CarrierScan.C2paStore store, ByteSource file, Limits limits)
            throws IOException {
        return read(store.jumbf(), file, limits, Context.untrusted());
    }

    public static List<C2paManifest> read(CarrierScan.C2paStore store, ByteSource file, Limits limits, Context ctx)
            throws IOException {
        return read(store.jumbf(), file, limits, ctx);
    }

    /**
     * Validates a manifest store given as bytes, whatever container it came from.
     *
     * @param jumbf the store (a JUMBF superbox labelled c2pa)
     * @param file  the asset's bytes, for the hard binding; null when they are not at hand (binding not checked)
     */
    public static List<C2paManifest> read(byte[] jumbf, ByteSource file, Limits limits, Context ctx) throws IOException {
        Jumbf.Store parsed = Jumbf.read(jumbf, limits); // the boxes are walked by the container layer, under limits
        if (!parsed.problems().isEmpty()) {
            throw new IOException(parsed.problems().get(0).message());
        }
        List<Jumbf.Box> top = parsed.boxes();
        if (top.isEmpty() || !"c2pa".equals(top.get(0).label())) {
            throw new IOException("not a C2PA manifest store (no JUMBF box labelled c2pa)");
        }
        List<Jumbf.Box> boxes = top.get(0).children().stream().filter(m -> m.type().equals("jumb")).toList();
        List<C2paManifest> out = new ArrayList<>();
        Map<String, Jumbf.Box> byLabel = new java.util.HashMap<>();
        boxes.forEach(b -> byLabel.put(b.label(), b));
        for (int i = 0; i < boxes.size(); i++) {
            out.add(manifest(boxes.get(i), i == boxes.size() - 1, file, ctx, byLabel));
        }
        return out;
    }

    private static C2paManifest manifest(Jumbf.Box m, boolean active, ByteSource file, Context ctx,
                                         Map<String, Jumbf.Box> store) {
        C2paChecks checks = new C2paChecks();
        String base = "self#jumbf=/c2pa/" + m.label() + "/";
        Jumbf.Box claimBox = m.child("c2pa.claim.v2") != null ? m.child("c2pa.claim.v2") : m.child("c2pa.claim");
        if (claimBox == null || claimBox.content() == null) {
            String other = m.children().stream().map(Jumbf.Box::label)
                    .filter(l -> l != null && l.contains("claim")).findFirst().orElse(null);
            checks.fail(C2paStatus.CLAIM_MISSING, base + (other == null ? "c2pa.claim" : other), other == null
                    ? "the manifest has no claim box" : "claim box \"" + other + "\" is not a claim version this tool "
                    + "reads (c2pa.claim, c2pa.claim.v2): pre-release or newer manifest");
            return unreadable(m, other, active, checks, "the manifest has no claim this tool can read");
        }
        byte[] claimBytes = claimBox.content().payload();
        JsonNode claim;
        try {
            claim = CBOR.readTree(claimBytes);
        } catch (IOException | RuntimeException e) {
            checks.fail(C2paStatus.CLAIM_CBOR_INVALID, base + claimBox.label(), "claim CBOR could not be decoded");
            return unreadable(m, claimBox.label(), active, checks, "the claim could not be decoded");
        }
        String alg = claim.path("alg").asText("sha256");
        Jumbf.Box assertions = m.child("c2pa.assertions");
        List<C2paManifest.Action> actions = new ArrayList<>();
        List<String> sourceTypes = new ArrayList<>();
        List<C2paManifest.Ingredient> ingredients = new ArrayList<>();
        if (assertions != null) {
            for (Jumbf.Box a : assertions.children()) {
                if (a.label() == null || a.content() == null) {
                    continue;
                }
                String label = a.label().replaceFirst("__\\d+$", "");
                try {
                    if (label.equals("c2pa.actions") || label.equals("c2pa.actions.v2")) {
                        readActions(CBOR.readTree(a.content().payload()), actions, sourceTypes);
                    } else if (label.startsWith("c2pa.ingredient")) {
                        JsonNode ing = CBOR.readTree(a.content().payload());
                        ingredients.add(ingredient(ing));
                        ingredientManifest(ing, alg, store, checks);
                    }
                } catch (IOException | RuntimeException e) {
                    // an undecodable assertion is still hash-checked below; its content is simply not shown
                }
            }
        }
        // 1. the claim signature and the signer's certificate
        Jumbf.Box sigBox = m.child("c2pa.signature");
        CoseSign1.Result sig;
        if (sigBox == null || sigBox.content() == null) {
            checks.fail(C2paStatus.CLAIM_SIGNATURE_MISSING, base + "c2pa.signature", "the manifest has no signature box");
            sig = CoseSign1.Result.absent("the manifest has no c2pa.signature box");
        } else {
            sig = CoseSign1.verify(sigBox.content().payload(), claimBytes, base + "c2pa.signature", ctx.trust(),
                    ctx.now(), checks);
        }
        // 2. every assertion the claim names, against its hash
        int matched = 0;
        int checked = 0;
        List<String> bindings = new ArrayList<>();
        for (String list : new String[]{"assertions", "created_assertions", "gathered_assertions"}) {
            for (JsonNode ref : claim.path(list)) {
                String refUrl = ref.path("url").asText();
                String label = refUrl.replaceFirst(".*c2pa\\.assertions/", "");
                String url = base + "c2pa.assertions/" + label;
                String bare = label.replaceFirst("__\\d+$", "");
                if (bare.startsWith("c2pa.hash.")) {
                    bindings.add(label);
                }
                Jumbf.Box a = assertions == null ? null : assertions.child(label);
                if (a == null) {
                    checks.fail(C2paStatus.ASSERTION_MISSING, url, "assertion missing: " + refUrl);
                    continue;
                }
                String refAlg = ref.path("alg").asText(alg);
                byte[] want;
                try {
                    want = ref.get("hash").binaryValue();
                } catch (IOException | RuntimeException e) {
                    want = null;
                }
                byte[] have = digestOrNull(refAlg, a.payload());
                if (have == null) {
                    checks.fail(C2paStatus.ALGORITHM_UNSUPPORTED, url, "hash algorithm " + refAlg + " not supported");
                    continue;
                }
                checked++;
                if (want != null && MessageDigest.isEqual(want, have)) {
                    matched++;
                    checks.pass(C2paStatus.ASSERTION_HASHEDURI_MATCH, url, "hashed uri matched: " + refUrl);
                } else {
                    checks.fail(C2paStatus.ASSERTION_HASHEDURI_MISMATCH, url, "hash does not match assertion data: "
                            + refUrl);
                }
            }
        }
        // 3. the active manifest's hard binding to the file
        C2paManifest.DataHash dataHash = null;
        if (active) {
            if (bindings.isEmpty()) {
                checks.fail(C2paStatus.CLAIM_HARD_BINDINGS_MISSING, base + claimBox.label(),
                        "the claim names no hard binding (c2pa.hash.*) assertion");
            }
            for (String label : bindings) {
                String bare = label.replaceFirst("__\\d+$", "");
                String url = base + "c2pa.assertions/" + label;
                Jumbf.Box a = assertions == null ? null : assertions.child(label);
                if (a == null || a.content() == null) {
                    continue; // already assertion.missing
                }
                if (bare.equals("c2pa.hash.data")) {
                    if (file == null) {
                        checks.fail(C2paStatus.GENERAL_ERROR, url, "the asset's bytes were not at hand: the data "
                                + "hash was not checked");
                        continue;
                    }
                    try {
                        dataHash = checkDataHash(CBOR.readTree(a.content().payload()), alg, file);
                        if (dataHash.matches()) {
                            checks.pass(C2paStatus.ASSERTION_DATAHASH_MATCH, url, "data hash valid");
                        } else {
                            checks.fail(C2paStatus.ASSERTION_DATAHASH_MISMATCH, url, "asset hash error: the file's "
                                    + "bytes outside the exclusions hash to " + dataHash.actual() + ", not the signed "
                                    + dataHash.expected());
                        }
                    } catch (UnsupportedAlgorithm e) {
                        checks.fail(C2paStatus.ALGORITHM_UNSUPPORTED, url, e.getMessage());
                    } catch (IOException | RuntimeException e) {
                        checks.fail(C2paStatus.GENERAL_ERROR, url, "the data hash could not be computed: "
                                + e.getMessage());
                    }
                } else if (UNCHECKED_BINDINGS.contains(bare)) {
                    checks.fail(C2paStatus.ALGORITHM_UNSUPPORTED, url, "this tool does not implement the " + bare
                            + " hard binding: the file's bytes were not checked against it");
                } else {
                    checks.fail(C2paStatus.ALGORITHM_UNSUPPORTED, url, "unknown hard binding " + bare);
                }
            }
        }
        C2paManifest.Validation v = new C2paManifest.Validation(List.copyOf(checks.success),
                List.copyOf(checks.informational), List.copyOf(checks.failure), checks.outcome(), sig.trust(),
                "time-stamp".equals(sig.signingTimeSource()) ? sig.signingTime() : null, sig.signingTimeSource());
        return new C2paManifest(m.label(), claimBox.label(), generator(claim), text(claim.get("dc:title")), actions,
                sourceTypes, sig.signer(), sig.algorithm(), sig.valid(), sig.note(), matched, checked, dataHash,
                active, ingredients, v);
    }

    private static C2paManifest unreadable(Jumbf.Box m, String claimLabel, boolean active, C2paChecks checks, String why) {
        C2paManifest.Validation v = new C2paManifest.Validation(List.copyOf(checks.success),
                List.copyOf(checks.informational), List.copyOf(checks.failure), checks.outcome(), "not checked", null,
                null);
        return new C2paManifest(m.label(), claimLabel, null, null, List.of(), List.of(), null, null, null,
                why + "; the signature was not validated", 0, 0, null, active, List.of(), v);
    }

    /**
     * The ingredient's manifest, when it is in this store, against the hash the ingredient assertion recorded for
     * it: the hash of the manifest superbox's bytes after its header (C2PA 2.x, c2pa-rs calc_manifest_box_hash).
     */
    private static void ingredientManifest(JsonNode a, String claimAlg, Map<String, Jumbf.Box> store, C2paChecks checks) {
        JsonNode ref = a.has("activeManifest") ? a.get("activeManifest") : a.get("c2pa_manifest");
        String url = ref == null ? null : text(ref.get("url"));
        if (url == null) {
            return;
        }
        String label = url.replaceFirst("^self#jumbf=/?c2pa/", "").replaceFirst("/.*$", "");
        String at = "self#jumbf=/c2pa/" + label;
        Jumbf.Box box = store.get(label);
        if (box == null) {
            checks.fail(C2paStatus.INGREDIENT_MANIFEST_MISSING, at, "ingredient manifest not in the store");
            return;
        }
        String alg = ref.path("alg").asText(claimAlg);
        byte[] have = digestOrNull(alg, box.payload());
        if (have == null) {
            checks.fail(C2paStatus.ALGORITHM_UNSUPPORTED, at, "hash algorithm " + alg + " not supported");
            return;
        }
        byte[] want;
        try {
            want = ref.get("hash").binaryValue();
        } catch (IOException | RuntimeException e) {
            want = null;
        }
        if (want != null && MessageDigest.isEqual(want, have)) {
            checks.pass(C2paStatus.INGREDIENT_MANIFEST_VALIDATED, at, "ingredient hash matched");
        } else {
            checks.fail(C2paStatus.INGREDIENT_MANIFEST_MISMATCH, at, "ingredient hash incorrect");
        }
    }

    private static C2paManifest.Ingredient ingredient(JsonNode a) {
        JsonNode ref = a.has("activeManifest") ? a.get("activeManifest") : a.get("c2pa_manifest");
        String url = ref == null ? null : text(ref.get("url"));
        String label = url == null ? null : url.replaceFirst("^self#jumbf=/?c2pa/", "").replaceFirst("/.*$", "");
        return new C2paManifest.Ingredient(text(a.get("dc:title")) != null ? text(a.get("dc:title")) : text(a.get("title")),
                text(a.get("relationship")), label);
    }

    private static String generator(JsonNode claim) {
        if (claim.hasNonNull("claim_generator")) {
            return claim.get("claim_generator").asText();
        }
        JsonNode info = claim.path("claim_generator_info");
        if (info.isArray() && !info.isEmpty()) {
            info = info.get(0);
        }
        if (info.isObject()) {
            String name = info.path("name").asText("");
            String version = info.path("version").asText("");
            return (name + " " + version).strip();
        }
        return null;
    }

    private static void readActions(JsonNode a, List<C2paManifest.Action> actions, List<String> sourceTypes) {
        for (JsonNode act : a.path("actions")) {
            String dst = text(act.get("digitalSourceType"));
            if (dst == null) {
                dst = text(act.path("parameters").get("digitalSourceType"));
            }
            JsonNode agent = act.get("softwareAgent");
            String agentText = agent == null ? null : agent.isObject()
                    ? (agent.path("name").asText("") + " " + agent.path("version").asText("")).strip() : agent.asText();
            actions.add(new C2paManifest.Action(text(act.get("action")), dst, agentText, text(act.get("when"))));
            if (dst != null) {
                sourceTypes.add(dst);
            }
        }
    }

    /** Hashes the file's bytes outside the exclusions (the manifest store) and compares with the recorded hash. */
    static C2paManifest.DataHash checkDataHash(JsonNode h, String claimAlg, ByteSource file) throws IOException {
        String alg = h.path("alg").asText(claimAlg);
        List<long[]> exclusions = new ArrayList<>();
        for (JsonNode e : h.path("exclusions")) {
            exclusions.add(new long[]{e.path("start").asLong(), e.path("length").asLong()});
        }
        exclusions.sort((x, y) -> Long.compare(x[0], y[0]));
        MessageDigest md = digestOf(alg);
        long p = 0;
        for (long[] ex : exclusions) {
            feed(md, file, p, Math.max(0, Math.min(ex[0], file.size()) - p));
            p = Math.max(p, Math.min(file.size(), ex[0] + ex[1]));
        }
        feed(md, file, p, file.size() - p);
        byte[] actual = md.digest();
        byte[] expected = h.path("hash").binaryValue();
        HexFormat hex = HexFormat.of();
        return new C2paManifest.DataHash(alg, exclusions, expected == null ? "" : hex.formatHex(expected),
                hex.formatHex(actual), expected != null && MessageDigest.isEqual(expected, actual));
    }

    private static void feed(MessageDigest md, ByteSource file, long from, long length) throws IOException {
        for (long done = 0; done < length; ) {
            int n = (int) Math.min(1 << 20, length - done);
            md.update(file.read(from + done, n));
            done += n;
        }
    }

    static byte[] digest(String alg, byte[] data) throws IOException {
        return digestOf(alg).digest(data);
    }

    private static byte[] digestOrNull(String alg, byte[] data) {
        try {
            return digest(alg, data);
        } catch (IOException e) {
            return null;
        }
    }

    /** A hash algorithm C2PA does not allow or this tool does not have. */
    static final class UnsupportedAlgorithm extends IOException {
        UnsupportedAlgorithm(String message) {
            super(message);
        }
    }

    private static MessageDigest digestOf(String alg) throws IOException {
        String name = Map.of("sha256", "SHA-256", "sha384", "SHA-384", "sha512", "SHA-512").get(alg);
        if (name == null) {
            throw new UnsupportedAlgorithm("hash algorithm " + alg + " not supported");
        }
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
