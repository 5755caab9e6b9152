package org.exhibit.sd.hash;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every hash a generator or model hub records for a weight file, computed in one pass over it.
 *
 * @param path    the file as the report shows it
 * @param size    bytes
 * @param format  "safetensors", "torch zip" (torch.save since 1.6), "pickle" (older torch.save) or "unknown"
 * @param sha256  lowercase hex SHA-256 of the whole file (A1111 1.x "Model hash" is its first 10 hex: AutoV2)
 * @param autoV1  A1111's old hash: first 8 hex of SHA-256 over 0x10000 bytes at offset 0x100000
 * @param addnet  for .safetensors: SHA-256 of the bytes after the 8-byte header length and the header
 *                (kohya/addnet hash, Civitai AutoV3; A1111 "Lora hashes" holds its first 12 hex); else null
 * @param crc32   CRC-32 of the whole file as a number, 8 uppercase hex (zlib.crc32; Civitai shows its bytes
 *                in little-endian order: "hello world" is 0D4A1185 here and 85114A0D on Civitai)
 * @param blake3  BLAKE3-256 of the whole file, lowercase hex; null unless asked for
 * @param header  the safetensors header as read and checked; null for other formats
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"path", "size", "format", "sha256", "autoV1", "addnet", "crc32", "blake3", "header"})
public record ModelFileHashes(String path, long size, String format, String sha256, String autoV1, String addnet,
                              String crc32, String blake3, SafetensorsHeader header) {

    /** A1111 1.x "Model hash", "VAE hash": first 10 hex of the whole-file SHA-256. */
    @JsonIgnore
    public String autoV2() {
        return sha256.substring(0, 10);
    }

    /** The hash A1111 writes in "Lora hashes" for this file: addnet for safetensors, else whole-file SHA-256. */
    @JsonIgnore
    public String loraShortHash() {
        return (addnet != null ? addnet : sha256).substring(0, 12);
    }

    /** The file name without its extension: what A1111 writes as "Model", and the LoRA name in a prompt. */
    @JsonIgnore
    public String stem() {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** CRC32 as Civitai writes it: the four bytes of the checksum, least significant first. */
    @JsonIgnore
    public String civitaiCrc32() {
        return String.format(Locale.ROOT, "%08X", Integer.reverseBytes((int) Long.parseLong(crc32, 16)));
    }

    /** The hashes under the names Civitai's model pages use (AutoV1, AutoV2, AutoV3, SHA256, CRC32, BLAKE3). */
    @JsonIgnore
    public Map<String, String> civitaiNames() {
        Map<String, String> m = new TreeMap<>();
        m.put("AutoV1", autoV1.toUpperCase(Locale.ROOT));
        m.put("AutoV2", autoV2().toUpperCase(Locale.ROOT));
        if (addnet != null) {
            m.put("AutoV3", addnet.toUpperCase(Locale.ROOT));
        }
        m.put("SHA256", sha256.toUpperCase(Locale.ROOT));
        m.put("CRC32", civitaiCrc32());
        if (blake3 != null) {
            m.put("BLAKE3", blake3.toUpperCase(Locale.ROOT));
        }
        return m;
    }
}
