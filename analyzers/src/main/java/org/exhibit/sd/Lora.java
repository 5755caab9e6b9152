package org.exhibit.sd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A LoRA (or LyCORIS / hypernetwork) applied to a generation.
 *
 * @param name       as the generator names it (A1111: the prompt tag's name; ComfyUI: the file name)
 * @param weight     model (UNet) strength; null when the record does not say
 * @param clipWeight text-encoder strength where the generator records it separately (ComfyUI strength_clip)
 * @param hash       as recorded (A1111 "Lora hashes": 12 hex of the AutoV3 hash); null when not recorded
 * @param kind       "lora", "lyco" or "hypernet" (the prompt tag's kind)
 * @param origin     where it was read: "prompt tag", "Lora hashes", "LoraLoader node 12"...
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "weight", "clipWeight", "hash", "kind", "origin"})
public record Lora(String name, Double weight, Double clipWeight, String hash, String kind, String origin) {

    public Lora withHash(String newHash) {
        return new Lora(name, weight, clipWeight, newHash, kind, origin);
    }
}
