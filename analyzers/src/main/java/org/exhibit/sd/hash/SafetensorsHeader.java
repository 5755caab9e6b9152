package org.exhibit.sd.hash;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A safetensors header as found: an unsigned 64-bit little-endian length N, then N bytes of UTF-8 JSON mapping
 * tensor names to {dtype, shape, data_offsets} (plus an optional "__metadata__" string map), then the tensor data.
 * The checks are the format's own (huggingface/safetensors: header at most 100 MB, a JSON object, offsets within
 * the data and covering it, byte counts matching dtype and shape).
 *
 * @param declaredLength N as read from the first 8 bytes (-1 when the file is shorter than 8 bytes)
 * @param tensors        tensor entries read
 * @param dataBytes      bytes after the header
 * @param metadata       the "__metadata__" strings (training tools put their own hashes here, e.g. sshs_model_hash)
 * @param problems       what is wrong, in plain words; empty when the header is valid
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"declaredLength", "tensors", "dataBytes", "metadata", "problems"})
public record SafetensorsHeader(long declaredLength, int tensors, long dataBytes, Map<String, String> metadata,
                                List<String> problems) {

    /** The largest header the reference implementation accepts. */
    public static final long MAX_HEADER = 100_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Integer> DTYPE_BYTES = Map.ofEntries(Map.entry("BOOL", 1), Map.entry("U8", 1),
            Map.entry("I8", 1), Map.entry("F8_E5M2", 1), Map.entry("F8_E4M3", 1), Map.entry("I16", 2),
            Map.entry("U16", 2), Map.entry("F16", 2), Map.entry("BF16", 2), Map.entry("I32", 4), Map.entry("U32", 4),
            Map.entry("F32", 4), Map.entry("I64", 8), Map.entry("U64", 8), Map.entry("F64", 8));

    public SafetensorsHeader {
        metadata = new TreeMap<>(metadata);
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** Checks a header whose length field and bytes were captured while the file was hashed. */
    static SafetensorsHeader check(long fileSize, boolean hasLength, long declared, byte[] json) {
        if (!hasLength) {
            return invalid(-1, "the file has " + fileSize + " bytes, fewer than the 8-byte header length");
        }
        if (Long.compareUnsigned(declared, MAX_HEADER) > 0) {
            return invalid(declared, "the header length field says " + Long.toUnsignedString(declared)
                    + " bytes, over the format's 100 MB limit");
        }
        if (declared + 8 > fileSize) {
            return invalid(declared, "the header length field says " + declared + " bytes but only "
                    + (fileSize - 8) + " bytes follow it (truncated file, or not safetensors)");
        }
        long dataBytes = fileSize - 8 - declared;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(json)).toString();
        } catch (CharacterCodingException e) {
            return invalid(declared, "the header is not UTF-8 text");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return invalid(declared, "the header is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return invalid(declared, "the header is not a JSON object");
        }
        return checkEntries(declared, dataBytes, root);
    }

    private static SafetensorsHeader checkEntries(long declared, long dataBytes, JsonNode root) {
        List<String> problems = new ArrayList<>();
        Map<String, String> metadata = new TreeMap<>();
        int tensors = 0;
        long covered = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("__metadata__")) {
                e.getValue().fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
                continue;
            }
            tensors++;
            String problem = tensorProblem(e.getValue(), dataBytes);
            if (problem != null) {
                if (problems.size() < 5) {
                    problems.add("tensor \"" + e.getKey() + "\": " + problem);
                }
            } else {
                covered = Math.max(covered, e.getValue().get("data_offsets").get(1).asLong());
            }
        }
        if (problems.isEmpty() && covered != dataBytes) {
            problems.add("the tensors cover " + covered + " of the " + dataBytes + " data bytes");
        }
        return new SafetensorsHeader(declared, tensors, dataBytes, metadata, problems);
    }

    private static String tensorProblem(JsonNode t, long dataBytes) {
        JsonNode dtype = t.get("dtype");
        JsonNode shape = t.get("shape");
        JsonNode offsets = t.get("data_offsets");
        if (dtype == null || shape == null || offsets == null || !shape.isArray() || !offsets.isArray()
                || offsets.size() != 2) {
            return "needs dtype, shape and two data_offsets";
        }
        long begin = offsets.get(0).asLong(-1);
        long end = offsets.get(1).asLong(-1);
        if (begin < 0 || end < begin || end > dataBytes) {
            return "data_offsets [" + offsets.get(0) + ", " + offsets.get(1) + "] lie outside the "
                    + dataBytes + " data bytes";
        }
        Integer width = DTYPE_BYTES.get(dtype.asText());
        if (width == null) {
            return null; // a dtype newer than this list: not an error of the file
        }
        long elements = 1;
        try {
            for (JsonNode d : shape) {
                if (d.asLong(-1) < 0) {
                    return "shape " + shape + " is not a list of sizes";
                }
                elements = Math.multiplyExact(elements, d.asLong());
            }
            Math.multiplyExact(elements, width);
        } catch (ArithmeticException overflow) {
            return "shape " + shape + " overflows";
        }
        if (elements * width != end - begin) {
            return dtype.asText() + " " + shape + " needs " + elements * width + " bytes, the offsets give "
                    + (end - begin);
        }
        return null;
    }

    private static SafetensorsHeader invalid(long declared, String problem) {
        return new SafetensorsHeader(declared, 0, 0, Map.of(), List.of(problem));
    }
}
