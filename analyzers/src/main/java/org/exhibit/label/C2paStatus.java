package org.exhibit.label;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Set;

/**
 * One C2PA validation status, named with the C2PA specification's status code exactly as c2pa-rs names it
 * (validation_status.rs), with the JUMBF URI of what was checked and one line of explanation.
 *
 * @param code        e.g. "claimSignature.validated", "assertion.dataHash.mismatch"
 * @param url         JUMBF URI of the checked part (self#jumbf=/c2pa/MANIFEST/...)
 * @param explanation what was found, in words
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"code", "url", "explanation"})
public record C2paStatus(String code, String url, String explanation) {

    public static final String CLAIM_SIGNATURE_VALIDATED = "claimSignature.validated";
    public static final String CLAIM_SIGNATURE_MISMATCH = "claimSignature.mismatch";
    public static final String CLAIM_SIGNATURE_MISSING = "claimSignature.missing";
    public static final String CLAIM_SIGNATURE_INSIDE_VALIDITY = "claimSignature.insideValidity";
    public static final String CLAIM_SIGNATURE_OUTSIDE_VALIDITY = "claimSignature.outsideValidity";
    public static final String SIGNING_CREDENTIAL_TRUSTED = "signingCredential.trusted";
    public static final String SIGNING_CREDENTIAL_UNTRUSTED = "signingCredential.untrusted";
    public static final String SIGNING_CREDENTIAL_INVALID = "signingCredential.invalid";
    public static final String SIGNING_CREDENTIAL_EXPIRED = "signingCredential.expired";
    public static final String ASSERTION_HASHEDURI_MATCH = "assertion.hashedURI.match";
    public static final String ASSERTION_HASHEDURI_MISMATCH = "assertion.hashedURI.mismatch";
    public static final String ASSERTION_MISSING = "assertion.missing";
    public static final String ASSERTION_DATAHASH_MATCH = "assertion.dataHash.match";
    public static final String ASSERTION_DATAHASH_MISMATCH = "assertion.dataHash.mismatch";
    public static final String ASSERTION_BMFFHASH_MATCH = "assertion.bmffHash.match";
    public static final String ASSERTION_BMFFHASH_MISMATCH = "assertion.bmffHash.mismatch";
    public static final String ASSERTION_BOXESHASH_MATCH = "assertion.boxesHash.match";
    public static final String ASSERTION_BOXESHASH_MISMATCH = "assertion.boxesHash.mismatch";
    public static final String ALGORITHM_UNSUPPORTED = "algorithm.unsupported";
    public static final String CLAIM_MISSING = "claim.missing";
    public static final String CLAIM_CBOR_INVALID = "claim.cbor.invalid";
    public static final String CLAIM_HARD_BINDINGS_MISSING = "claim.hardBindings.missing";
    public static final String MANIFEST_INACCESSIBLE = "manifest.inaccessible";
    public static final String GENERAL_ERROR = "general.error";
    public static final String INGREDIENT_MANIFEST_VALIDATED = "ingredient.manifest.validated";
    public static final String INGREDIENT_MANIFEST_MISMATCH = "ingredient.manifest.mismatch";
    public static final String INGREDIENT_MANIFEST_MISSING = "ingredient.manifest.missing";

    /**
     * The failures that mean a cryptographic check that could be performed found the file or the manifest changed.
     * Only these make a manifest "tampered"; every other failure means it could not be validated.
     */
    public static final Set<String> TAMPER_CODES = Set.of(CLAIM_SIGNATURE_MISMATCH, ASSERTION_DATAHASH_MISMATCH,
            ASSERTION_BMFFHASH_MISMATCH, ASSERTION_BOXESHASH_MISMATCH, ASSERTION_HASHEDURI_MISMATCH,
            INGREDIENT_MANIFEST_MISMATCH);

    /** Failures that say nothing about the file's integrity: whether the signer is on the user's trust list. */
    public static final Set<String> TRUST_CODES = Set.of(SIGNING_CREDENTIAL_UNTRUSTED);
}
