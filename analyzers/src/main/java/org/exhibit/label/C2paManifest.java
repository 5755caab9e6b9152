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
 * @param ingredients        the ingredient assertions (what this asset was made from)
 * @param active             whether this is the store's active manifest (the last one), the one bound to the file
 * @param validation         every check made, as C2PA status codes, and the outcome they add up to
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"label", "claimVersion", "claimGenerator", "title", "actions", "digitalSourceTypes", "signer",
        "signatureAlgorithm", "signatureValid", "signatureNote", "assertionsMatched", "assertionsChecked", "dataHash",
        "active", "ingredients", "validation"})
public record C2paManifest(String label, String claimVersion, String claimGenerator, String title,
                           List<Action> actions, List<String> digitalSourceTypes, Signer signer,
                           String signatureAlgorithm, Boolean signatureValid, String signatureNote,
                           int assertionsMatched, int assertionsChecked, DataHash dataHash, boolean active,
                           List<Ingredient> ingredients, Validation validation) {

    /**
     * An ingredient assertion: the asset this one was made from.
     *
     * @param title        the ingredient's title
     * @param relationship parentOf, componentOf, inputTo
     * @param manifest     label of the ingredient's own manifest in this store, or null when it has none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ingredient(String title, String relationship, String manifest) {
    }

    /** Outcome: every check passed (trust aside). */
    public static final String VALID = "valid";
    /** Outcome: a cryptographic check that could be performed failed (a hash or the signature). */
    public static final String TAMPERED = "tampered";
    /** Outcome: something needed to validate is missing, unsupported or unreadable; not evidence of tampering. */
    public static final String COULD_NOT_VALIDATE = "could-not-validate";

    /**
     * The checks, as c2pa-rs lists them in validation_results.
     *
     * @param success       checks that passed
     * @param informational observations that neither pass nor fail
     * @param failure       checks that failed, or could not be made
     * @param outcome       {@link #VALID}, {@link #TAMPERED} or {@link #COULD_NOT_VALIDATE}
     * @param trust         "trusted", "untrusted" (against the user's trust list) or "not checked" (no list given)
     * @param signingTime   the time the certificate's validity was checked at (ISO-8601)
     * @param signingTimeSource "time-stamp" (the COSE sigTst/sigTst2 token's genTime, its own signature not
     *                          verified) or "now" (no time-stamp: checked at the time the tool ran)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"outcome", "trust", "signingTime", "signingTimeSource", "success", "informational", "failure"})
    public record Validation(List<C2paStatus> success, List<C2paStatus> informational, List<C2paStatus> failure,
                             String outcome, String trust, String signingTime, String signingTimeSource) {

        /** Failure codes, in order. */
        public List<String> failureCodes() {
            return failure.stream().map(C2paStatus::code).toList();
        }

        public List<String> successCodes() {
            return success.stream().map(C2paStatus::code).toList();
        }
    }

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
