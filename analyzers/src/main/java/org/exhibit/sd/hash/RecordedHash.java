package org.exhibit.sd.hash;

import org.exhibit.evidence.EvidencePointer;

import java.util.Locale;

/**
 * One hash a generation record states for a resource it used, with where the record states it.
 *
 * @param field    the record's key, e.g. "Model hash", "Lora hashes", "TI hashes", "VAE hash", "Hashes"
 * @param resource the resource's name as the record gives it (checkpoint, LoRA, embedding or VAE name), or null
 * @param kind     checkpoint, lora, embedding, vae, hypernetwork or other
 * @param hash     the hash as written
 * @param where    the field in the image: carrier, byte offset and length of the value
 */
public record RecordedHash(String field, String resource, String kind, String hash, EvidencePointer where) {

    /** The hash as lowercase hex, or null when it is not hex. */
    public String hex() {
        String h = hash.strip().toLowerCase(Locale.ROOT);
        return h.matches("[0-9a-f]+") ? h : null;
    }
}
