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
import java.util.List;

/**
 * A C2PA claim signature: COSE_Sign1 (RFC 9052) with a detached payload (the claim) and the signer's certificate
 * chain in header 33 (x5chain). The signature is verified with java.security over the Sig_structure
 * ["Signature1", protected, h'', claim]. The certificate chain is checked only for internal consistency (each
 * certificate signed by the next); it is NOT checked against a trust list, for revocation, or for time-stamps.
 */
final class CoseSign1 {

    /** What the signature check found. */
    record Result(C2paManifest.Signer signer, String algorithm, Boolean valid, String note) {
        static Result absent(String why) {
            return new Result(null, null, null, why);
        }
    }

    private CoseSign1() {
    }

    static Result verify(byte[] cose, byte[] claim) {
        try {
            JsonNode s = C2paReader.CBOR.readTree(cose);
            if (!s.isArray() || s.size() != 4) {
                return Result.absent("the signature box is not a COSE_Sign1 array");
            }
            byte[] protectedBytes = s.get(0).binaryValue();
            JsonNode prot = protectedBytes.length == 0 ? null : C2paReader.CBOR.readTree(protectedBytes);
            JsonNode unprot = s.get(1);
            int alg = prot == null ? 0 : prot.path("1").asInt();
            JsonNode chain = prot != null && prot.has("33") ? prot.get("33")
                    : unprot.has("33") ? unprot.get("33") : unprot.get("x5chain");
            List<X509Certificate> certs = certificates(chain);
            if (certs.isEmpty()) {
                return new Result(null, algorithmName(alg), null, "no signer certificate (x5chain) in the signature");
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
            Signature verifier = verifier(alg);
            if (verifier == null) {
                return new Result(signer, algorithmName(alg), null, "COSE algorithm " + alg
                        + " is not one this tool verifies; the signature was not validated");
            }
            verifier.initVerify(leaf.getPublicKey());
            verifier.update(sigStructure(protectedBytes, claim));
            boolean ok = verifier.verify(s.get(3).binaryValue());
            return new Result(signer, algorithmName(alg), ok, (ok ? "the COSE_Sign1 signature verifies over the claim "
                    + "with the signer certificate's public key" : "the COSE_Sign1 signature does NOT verify over the "
                    + "claim with the signer certificate's public key")
                    + "; the certificate chain was not checked against a C2PA trust list, for revocation or "
                    + "against the time-stamp");
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return Result.absent("the signature could not be read (" + e.getMessage() + "); it was not validated");
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
