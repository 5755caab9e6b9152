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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Reads a C2PA manifest store (JUMBF): each manifest's claim, actions, signer certificate and signature, and checks
 * the claim's assertion hashes and the c2pa.hash.data binding against the file's bytes. Reading, checking and
 * reporting are separate steps, as in c2pa-rs.
 */
public final class C2paReader {

    static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());

    private C2paReader() {
    }

    /** The manifests of a store; the JUMBF boxes are walked by the container layer under {@code limits}. */
    public static List<C2paManifest> read(CarrierScan.C2paStore store, ByteSource file, Limits limits)
            throws IOException {
        Jumbf.Store jumbf = Jumbf.read(store.jumbf(), limits);
        if (!jumbf.problems().isEmpty()) {
            throw new IOException(jumbf.problems().get(0).message());
        }
        List<Jumbf.Box> top = jumbf.boxes();
        if (top.isEmpty() || !"c2pa".equals(top.get(0).label())) {
            throw new IOException("not a C2PA manifest store (no JUMBF box labelled c2pa)");
        }
        List<C2paManifest> out = new ArrayList<>();
        for (Jumbf.Box m : top.get(0).children()) {
            if (m.type().equals("jumb")) {
                out.add(manifest(m, store, file));
            }
        }
        return out;
    }

    private static C2paManifest manifest(Jumbf.Box m, CarrierScan.C2paStore store, ByteSource file) throws IOException {
        Jumbf.Box claimBox = m.child("c2pa.claim.v2") != null ? m.child("c2pa.claim.v2") : m.child("c2pa.claim");
        if (claimBox == null || claimBox.content() == null) {
            throw new IOException("manifest " + m.label() + " has no claim");
        }
        byte[] claimBytes = claimBox.content().payload();
        JsonNode claim = CBOR.readTree(claimBytes);
        String alg = claim.path("alg").asText("sha256");
        Jumbf.Box assertions = m.child("c2pa.assertions");
        List<C2paManifest.Action> actions = new ArrayList<>();
        List<String> sourceTypes = new ArrayList<>();
        C2paManifest.DataHash dataHash = null;
        int matched = 0;
        int checked = 0;
        if (assertions != null) {
            for (Jumbf.Box a : assertions.children()) {
                if (a.label() == null || a.content() == null) {
                    continue;
                }
                String base = a.label().replaceFirst("__\\d+$", "");
                if (base.equals("c2pa.actions") || base.equals("c2pa.actions.v2")) {
                    readActions(CBOR.readTree(a.content().payload()), actions, sourceTypes);
                } else if (base.equals("c2pa.hash.data")) {
                    dataHash = checkDataHash(CBOR.readTree(a.content().payload()), alg, file);
                }
            }
            for (String list : new String[]{"assertions", "created_assertions", "gathered_assertions"}) {
                for (JsonNode ref : claim.path(list)) {
                    Jumbf.Box a = assertions.child(ref.path("url").asText().replaceFirst(".*c2pa\\.assertions/", ""));
                    if (a != null && ref.has("hash")) {
                        checked++;
                        String refAlg = ref.path("alg").asText(alg);
                        matched += MessageDigest.isEqual(ref.get("hash").binaryValue(), digest(refAlg, a.payload()))
                                ? 1 : 0;
                    }
                }
            }
        }
        Jumbf.Box sigBox = m.child("c2pa.signature");
        CoseSign1.Result sig = sigBox == null || sigBox.content() == null
                ? CoseSign1.Result.absent("the manifest has no c2pa.signature box")
                : CoseSign1.verify(sigBox.content().payload(), claimBytes);
        return new C2paManifest(m.label(), claimBox.label(), generator(claim), text(claim.get("dc:title")), actions,
                sourceTypes, sig.signer(), sig.algorithm(), sig.valid(), sig.note(), matched, checked, dataHash);
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

    private static MessageDigest digestOf(String alg) throws IOException {
        String name = Map.of("sha256", "SHA-256", "sha384", "SHA-384", "sha512", "SHA-512").get(alg);
        if (name == null) {
            throw new IOException("unsupported C2PA hash algorithm " + alg);
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
