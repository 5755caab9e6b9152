package org.exhibit.label;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * One C2PA manifest as read from a manifest store, with what could be checked about it.
 *
 * @param label              manifest label (urn:c2pa:... or urn:uuid:...)
 * @param claimVersion       "c2pa.claim" (v1) or "c2pa.claim.v2"
 * @param claimGenerator     claim_generator, or the name/version from claim_generator_info
 * @param title              dc:title when present
 * @param actions            the actions assertion's entries (action, digitalSourceType, softwareAgent, when)
 * @param digitalSourceTypes every digitalSourceType named by an action, in order
 * @param signer             the signing certificate (first of x5chain), or null when absent
 * @param signatureAlgorithm COSE algorithm name (ES256, PS256, Ed25519...)
 * @param signatureValid     whether the COSE_Sign1 signature verifies with the signer certificate's key over the
 *                           claim; null when it could not be checked (reason in signatureNote)
 * @param signatureNote      what was and was not checked about the signature
 * @param assertionsMatched  created/gathered assertions whose hash in the claim matches their bytes
 * @param assertionsChecked  assertions whose hash was checked
 * @param dataHash           the c2pa.hash.data binding check, or null when the manifest has none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"label", "claimVersion", "claimGenerator", "title", "actions", "digitalSourceTypes", "signer",
        "signatureAlgorithm", "signatureValid", "signatureNote", "assertionsMatched", "assertionsChecked", "dataHash"})
public record C2paManifest(String label, String claimVersion, String claimGenerator, String title,
                           List<Action> actions, List<String> digitalSourceTypes, Signer signer,
                           String signatureAlgorithm, Boolean signatureValid, String signatureNote,
                           int assertionsMatched, int assertionsChecked, DataHash dataHash) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"action", "digitalSourceType", "softwareAgent", "when"})
    public record Action(String action, String digitalSourceType, String softwareAgent, String when) {
    }

    @JsonPropertyOrder({"subject", "issuer", "notBefore", "notAfter", "chainLength", "chainConsistent"})
    public record Signer(String subject, String issuer, String notBefore, String notAfter, int chainLength,
                         boolean chainConsistent) {
    }

    /**
     * @param algorithm  hash algorithm (sha256, sha384, sha512)
     * @param exclusions [start, length] ranges left out of the hash (the manifest store itself)
     * @param expected   hex hash recorded in the manifest
     * @param actual     hex hash of the file's bytes outside the exclusions
     * @param matches    whether they agree: the file's bytes are as they were when the manifest was signed
     */
    @JsonPropertyOrder({"algorithm", "exclusions", "expected", "actual", "matches"})
    public record DataHash(String algorithm, List<long[]> exclusions, String expected, String actual, boolean matches) {
    }
}
