package org.exhibit.label;

import com.fasterxml.jackson.databind.JsonNode;

import javax.security.auth.x500.X500Principal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A C2PA claim signature: COSE_Sign1 (RFC 9052) with a detached payload (the claim) and the signer's certificate
 * chain in header 33 (x5chain). The signature is verified with java.security over the Sig_structure
 * ["Signature1", protected, h'', claim]; the signer certificate is checked against the C2PA certificate profile
 * (C2PA 2.x §14.5: X.509 v3, extended key usage, not a CA, key usage, signature algorithm and key size, validity at
 * the signing time) and, when the user gives trust anchors, its chain is validated to one of them (PKIX, no
 * revocation check). Each check is recorded as a C2PA status code.
 */
final class CoseSign1 {

    /** EKUs a C2PA signer certificate may carry (C2PA 2.x §14.5.1; c2pa-rs valid_eku_oids.cfg plus claimSigning). */
    static final Set<String> C2PA_EKUS = Set.of(
            "1.3.6.1.5.5.7.3.4",          // id-kp-emailProtection
            "1.3.6.1.5.5.7.3.36",         // id-kp-documentSigning
            "1.3.6.1.5.5.7.3.8",          // id-kp-timeStamping
            "1.3.6.1.5.5.7.3.9",          // id-kp-OCSPSigning
            "1.3.6.1.4.1.311.76.59.1.9",  // Microsoft C2PA signing
            "1.3.6.1.4.1.62558.2.1");     // c2pa-kp-claimSigning
    private static final String EKU_ANY = "2.5.29.37.0";
    private static final String EKU_TIMESTAMPING = "1.3.6.1.5.5.7.3.8";
    private static final String EKU_OCSP = "1.3.6.1.5.5.7.3.9";
    /** Certificate signature algorithms the profile allows (RSA PKCS#1 SHA-2, ECDSA SHA-2, RSASSA-PSS, Ed25519). */
    private static final Set<String> CERT_SIG_ALGS = Set.of("1.2.840.113549.1.1.11", "1.2.840.113549.1.1.12",
            "1.2.840.113549.1.1.13", "1.2.840.10045.4.3.2", "1.2.840.10045.4.3.3", "1.2.840.10045.4.3.4",
            "1.2.840.113549.1.1.10", "1.3.101.112");
    /** Extensions the profile check understands; any other critical extension makes the certificate invalid. */
    private static final Set<String> KNOWN_EXTENSIONS = Set.of("2.5.29.15", "2.5.29.19", "2.5.29.37", "2.5.29.14",
            "2.5.29.35", "2.5.29.17", "2.5.29.32", "2.5.29.33", "2.5.29.30", "2.5.29.36", "2.5.29.31", "2.5.29.54",
            "1.3.6.1.5.5.7.1.1");

    /**
     * What the signature check found.
     *
     * @param signer            the signer certificate in words, or null
     * @param algorithm         COSE algorithm name
     * @param valid             whether the signature verifies; null when it could not be checked
     * @param note              what was and was not checked, in words
     * @param trust             "trusted", "untrusted" or "not checked"
     * @param signingTime       the time the certificate's validity was checked at
     * @param signingTimeSource "time-stamp" or "now"
     */
    record Result(C2paManifest.Signer signer, String algorithm, Boolean valid, String note, String trust,
                  String signingTime, String signingTimeSource) {
        static Result absent(String why) {
            return new Result(null, null, null, why, "not checked", null, null);
        }
    }

    private CoseSign1() {
    }

    /**
     * @param url   JUMBF URI of the signature box, for the status entries
     * @param trust trust anchors the user gave, or null when no trust list was given
     * @param now   the time the tool runs (validity is checked at it when there is no time-stamp)
     */
    static Result verify(byte[] cose, byte[] claim, String url, List<X509Certificate> trust, Instant now,
                         C2paChecks checks) {
        JsonNode s;
        try {
            s = C2paReader.CBOR.readTree(cose);
        } catch (IOException | RuntimeException e) {
            checks.fail(C2paStatus.CLAIM_SIGNATURE_MISSING, url, "the signature box is not CBOR: " + e.getMessage());
            return Result.absent("the signature could not be read (" + e.getMessage() + "); it was not validated");
        }
        if (!s.isArray() || s.size() != 4) {
            checks.fail(C2paStatus.CLAIM_SIGNATURE_MISSING, url, "the signature box is not a COSE_Sign1 array");
            return Result.absent("the signature box is not a COSE_Sign1 array; it was not validated");
        }
        byte[] protectedBytes;
        JsonNode prot;
        JsonNode unprot = s.get(1);
        try {
            protectedBytes = s.get(0).binaryValue();
            prot = protectedBytes == null || protectedBytes.length == 0 ? null : C2paReader.CBOR.readTree(protectedBytes);
        } catch (IOException | RuntimeException e) {
            checks.fail(C2paStatus.CLAIM_SIGNATURE_MISSING, url, "the COSE protected header is unreadable");
            return Result.absent("the COSE protected header could not be read; the signature was not validated");
        }
        int alg = prot == null ? 0 : prot.path("1").asInt();
        JsonNode chain = prot != null && prot.has("33") ? prot.get("33")
                : unprot.has("33") ? unprot.get("33") : unprot.get("x5chain");
        List<X509Certificate> certs;
        try {
            certs = certificates(chain);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            checks.fail(C2paStatus.SIGNING_CREDENTIAL_INVALID, url, "certificate could not be parsed");
            return new Result(null, algorithmName(alg), null, "the signer certificate could not be parsed ("
                    + e.getMessage() + "); the signature was not validated", "not checked", null, null);
        }
        if (certs.isEmpty()) {
            checks.fail(C2paStatus.SIGNING_CREDENTIAL_INVALID, url, "no signer certificate (x5chain)");
            return new Result(null, algorithmName(alg), null, "no signer certificate (x5chain) in the signature; "
                    + "the signature was not validated", "not checked", null, null);
        }
        X509Certificate leaf = certs.get(0);
        boolean consistent = true;
        for (int i = 0; i + 1 < certs.size(); i++) {
            try {
                certs.get(i).verify(certs.get(i + 1).getPublicKey());
            } catch (GeneralSecurityException e) {
                consistent = false;
            }
        }
        C2paManifest.Signer signer = new C2paManifest.Signer(
                leaf.getSubjectX500Principal().getName(X500Principal.RFC2253),
                leaf.getIssuerX500Principal().getName(X500Principal.RFC2253),
                leaf.getNotBefore().toInstant().toString(), leaf.getNotAfter().toInstant().toString(),
                certs.size(), consistent);
        Instant tst = TimeStamps.genTime(unprot);
        Instant at = tst != null ? tst : now;
        String timeSource = tst != null ? "time-stamp" : "now";
        List<String> notes = new ArrayList<>();
        Boolean ok = null;
        Signature verifier;
        try {
            verifier = verifier(alg);
        } catch (GeneralSecurityException e) {
            verifier = null;
        }
        if (verifier == null) {
            checks.fail(C2paStatus.ALGORITHM_UNSUPPORTED, url, "COSE signature algorithm " + alg
                    + " is not one C2PA allows or this tool verifies");
            notes.add("COSE algorithm " + alg + " is not one this tool verifies; the signature was not validated");
        } else {
            try {
                verifier.initVerify(leaf.getPublicKey());
                verifier.update(sigStructure(protectedBytes, claim));
                ok = verifier.verify(s.get(3).binaryValue());
            } catch (GeneralSecurityException | IOException | RuntimeException e) {
                ok = null;
                checks.fail(C2paStatus.SIGNING_CREDENTIAL_INVALID, url, "the signer certificate's key cannot "
                        + "verify a " + algorithmName(alg) + " signature (" + e.getMessage() + ")");
                notes.add("the signature could not be checked with the signer certificate's key ("
                        + e.getMessage() + ")");
            }
            if (Boolean.TRUE.equals(ok)) {
                checks.pass(C2paStatus.CLAIM_SIGNATURE_VALIDATED, url, "claim signature valid");
                notes.add("the COSE_Sign1 signature verifies over the claim with the signer certificate's public key");
            } else if (Boolean.FALSE.equals(ok)) {
                checks.fail(C2paStatus.CLAIM_SIGNATURE_MISMATCH, url, "claim signature does not verify");
                notes.add("the COSE_Sign1 signature does NOT verify over the claim with the signer certificate's "
                        + "public key");
            }
        }
        profile(leaf, at, timeSource, Boolean.TRUE.equals(ok), url, checks, notes);
        if (!consistent) {
            checks.fail(C2paStatus.SIGNING_CREDENTIAL_INVALID, url, "a certificate in x5chain is not signed by the next");
        }
        // as c2pa-rs: a signature whose algorithm cannot be checked gets no trust verdict either
        String trusted = verifier == null ? "not checked" : trust(certs, trust, at, url, checks);
        notes.add(switch (trusted) {
            case "trusted" -> "the certificate chain leads to a trust anchor the user gave";
            case "untrusted" -> "the certificate chain does not lead to any trust anchor the user gave";
            default -> trust == null ? "the signer was not checked against a trust list (none given: --trust)"
                    : "the signer was not checked against the trust list, since the signature could not be checked";
        });
        notes.add("revocation (OCSP/CRL) was not checked");
        notes.add(tst != null ? "validity checked at the time-stamp's time " + tst + " (the time-stamp token's own "
                + "signature was not verified)" : "no time-stamp: validity checked at the time the tool ran");
        return new Result(signer, algorithmName(alg), ok, String.join("; ", notes), trusted, at.toString(), timeSource);
    }

    /** The C2PA end-entity certificate profile (C2PA 2.x §14.5.1), as c2pa-rs's certificate_profile.rs checks it. */
    private static void profile(X509Certificate c, Instant at, String timeSource, boolean verified, String url,
                                C2paChecks checks, List<String> notes) {
        List<String> problems = new ArrayList<>();
        if (c.getVersion() != 3) {
            problems.add("certificate version incorrect (X.509 v" + c.getVersion() + ", v3 required)");
        }
        if (!CERT_SIG_ALGS.contains(c.getSigAlgOID())) {
            problems.add("certificate algorithm not supported (" + c.getSigAlgName() + ")");
        }
        boolean ca = c.getBasicConstraints() >= 0;
        List<String> eku;
        try {
            eku = c.getExtendedKeyUsage();
        } catch (java.security.cert.CertificateParsingException e) {
            eku = null;
            problems.add("extended key usage unreadable");
        }
        if (eku == null) {
            if (!ca) {
                problems.add("certificate missing required EKU (no extended key usage extension)");
            }
        } else if (eku.contains(EKU_ANY)) {
            problems.add("certificate 'any' EKU not allowed");
        } else if (eku.stream().noneMatch(C2PA_EKUS::contains)) {
            problems.add("certificate missing required EKU (has " + String.join(", ", eku) + ")");
        } else {
            boolean ocsp = eku.contains(EKU_OCSP);
            boolean ts = eku.contains(EKU_TIMESTAMPING);
            if (ocsp && ts || (ocsp ^ ts) && eku.size() > 1) {
                problems.add("certificate invalid set of EKUs (time-stamping or OCSP signing must stand alone)");
            }
        }
        if (ca) {
            problems.add(c.getSubjectX500Principal().equals(c.getIssuerX500Principal())
                    ? "certificate issuer and subject cannot be the same (self-signed CA)"
                    : "expected end-entity certificate (basicConstraints CA:TRUE)");
        }
        boolean[] ku = c.getKeyUsage();
        if (ku == null) {
            problems.add("certificate has no key usage extension");
        } else if (!ku[0]) {
            problems.add("certificate key usage lacks digitalSignature");
        } else if (ku.length > 5 && ku[5] && !ca) {
            problems.add("end-entity certificate may not assert keyCertSign");
        }
        if (c.getExtensionValue("2.5.29.35") == null) {
            problems.add("certificate has no authority key identifier");
        }
        java.util.Set<String> critical = c.getCriticalExtensionOIDs();
        if (critical != null) {
            for (String oid : critical) {
                if (!KNOWN_EXTENSIONS.contains(oid)) {
                    problems.add("unhandled critical extension " + oid);
                }
            }
        }
        java.security.PublicKey key = c.getPublicKey();
        if (key instanceof java.security.interfaces.RSAPublicKey rsa && rsa.getModulus().bitLength() < 2048) {
            problems.add("certificate key length too short (" + rsa.getModulus().bitLength() + "-bit RSA)");
        }
        if (key instanceof java.security.interfaces.ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            if (bits != 256 && bits != 384 && bits != 521) {
                problems.add("certificate unsupported EC curve (" + bits + "-bit)");
            }
        }
        if (!problems.isEmpty()) { // one entry, as c2pa-rs (which stops at the first), naming every problem
            checks.fail(C2paStatus.SIGNING_CREDENTIAL_INVALID, url, String.join("; ", problems));
            notes.add("the signer certificate does not meet the C2PA certificate profile: " + String.join("; ", problems));
        }
        String when = "now".equals(timeSource) ? " now (no time-stamp)" : " at the time-stamp's time";
        if (at.isBefore(c.getNotBefore().toInstant()) || at.isAfter(c.getNotAfter().toInstant())) {
            checks.fail(C2paStatus.SIGNING_CREDENTIAL_EXPIRED, url, "certificate not valid" + when + " (valid "
                    + c.getNotBefore().toInstant() + " to " + c.getNotAfter().toInstant() + ")");
            notes.add("the signer certificate was not valid" + when);
        } else if (verified) { // as c2pa-rs: a signature inside the validity period, said of a verified one
            checks.pass(C2paStatus.CLAIM_SIGNATURE_INSIDE_VALIDITY, url, "certificate valid" + when);
        }
    }

    /** PKIX path to one of the user's anchors at the signing time; no revocation check. */
    private static String trust(List<X509Certificate> certs, List<X509Certificate> anchors, Instant at, String url,
                                C2paChecks checks) {
        if (anchors == null) {
            return "not checked";
        }
        List<String> eku;
        try {
            eku = certs.get(0).getExtendedKeyUsage();
        } catch (java.security.cert.CertificateParsingException e) {
            eku = null;
        }
        if (eku == null || eku.stream().noneMatch(C2PA_EKUS::contains)) { // as c2pa-rs: trust needs a C2PA EKU
            checks.fail(C2paStatus.SIGNING_CREDENTIAL_UNTRUSTED, url, "signing certificate untrusted: it carries no "
                    + "extended key usage a C2PA signer may have");
            return "untrusted";
        }
        for (X509Certificate a : anchors) {
            if (a.equals(certs.get(0))) {
                checks.pass(C2paStatus.SIGNING_CREDENTIAL_TRUSTED, url, "signing certificate is a trust anchor given");
                return "trusted";
            }
        }
        try {
            java.util.Set<java.security.cert.TrustAnchor> ta = new java.util.HashSet<>();
            for (X509Certificate a : anchors) {
                ta.add(new java.security.cert.TrustAnchor(a, null));
            }
            List<X509Certificate> path = new ArrayList<>(certs);
            while (path.size() > 1 && anchors.contains(path.get(path.size() - 1))) {
                path.remove(path.size() - 1);
            }
            java.security.cert.PKIXParameters params = new java.security.cert.PKIXParameters(ta);
            params.setRevocationEnabled(false);
            params.setDate(java.util.Date.from(at));
            java.security.cert.CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(path), params);
            checks.pass(C2paStatus.SIGNING_CREDENTIAL_TRUSTED, url, "signing certificate chains to a trust anchor given");
            return "trusted";
        } catch (GeneralSecurityException | RuntimeException e) {
            checks.fail(C2paStatus.SIGNING_CREDENTIAL_UNTRUSTED, url, "signing certificate untrusted");
            return "untrusted";
        }
    }

    private static List<X509Certificate> certificates(JsonNode chain) throws IOException, GeneralSecurityException {
        List<X509Certificate> out = new ArrayList<>();
        if (chain == null) {
            return out;
        }
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<JsonNode> items = new ArrayList<>();
        if (chain.isArray()) {
            chain.forEach(items::add);
        } else {
            items.add(chain);
        }
        for (JsonNode c : items) {
            out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(c.binaryValue())));
        }
        return out;
    }

    /** COSE algorithm ids (IANA registry) mapped to JCA signatures; ECDSA signatures are raw r||s (P1363). */
    private static Signature verifier(int alg) throws GeneralSecurityException {
        return switch (alg) {
            case -7 -> Signature.getInstance("SHA256withECDSAinP1363Format");
            case -35 -> Signature.getInstance("SHA384withECDSAinP1363Format");
            case -36 -> Signature.getInstance("SHA512withECDSAinP1363Format");
            case -37 -> pss("SHA-256", MGF1ParameterSpec.SHA256, 32);
            case -38 -> pss("SHA-384", MGF1ParameterSpec.SHA384, 48);
            case -39 -> pss("SHA-512", MGF1ParameterSpec.SHA512, 64);
            case -8 -> Signature.getInstance("Ed25519");
            default -> null;
        };
    }

    private static Signature pss(String hash, MGF1ParameterSpec mgf, int salt) throws GeneralSecurityException {
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.setParameter(new PSSParameterSpec(hash, "MGF1", mgf, salt, 1));
        return s;
    }

    static String algorithmName(int alg) {
        return switch (alg) {
            case -7 -> "ES256";
            case -35 -> "ES384";
            case -36 -> "ES512";
            case -37 -> "PS256";
            case -38 -> "PS384";
            case -39 -> "PS512";
            case -8 -> "EdDSA";
            default -> "COSE alg " + alg;
        };
    }

    /** CBOR of ["Signature1", protected, h'', payload] (RFC 9052 §4.4), definite lengths. */
    static byte[] sigStructure(byte[] protectedBytes, byte[] payload) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(0x84);
        byte[] ctx = "Signature1".getBytes(StandardCharsets.US_ASCII);
        head(o, 3, ctx.length);
        o.writeBytes(ctx);
        head(o, 2, protectedBytes.length);
        o.writeBytes(protectedBytes);
        head(o, 2, 0);
        head(o, 2, payload.length);
        o.writeBytes(payload);
        return o.toByteArray();
    }

    static void head(ByteArrayOutputStream o, int major, long n) {
        int m = major << 5;
        if (n < 24) {
            o.write(m | (int) n);
        } else if (n < 0x100) {
            o.write(m | 24);
            o.write((int) n);
        } else if (n < 0x10000) {
            o.write(m | 25);
            o.write((int) (n >> 8));
            o.write((int) n);
        } else {
            o.write(m | 26);
            for (int s = 24; s >= 0; s -= 8) {
                o.write((int) (n >> s));
            }
        }
    }
}
