package org.exhibit.sd.hash;

import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Verdict;
import org.exhibit.fixtures.Safetensors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelVerifierTest {

    private static final Exhibit IMAGE = new Exhibit("portrait.png", "ab".repeat(32), 100, "image/png", "input");

    @TempDir
    Path dir;
    final List<ModelVerifier.WeightFile> files = new ArrayList<>();
    ModelFileHashes checkpoint;
    ModelFileHashes lora;

    @BeforeEach
    void weights() throws IOException {
        checkpoint = add("AsiaFacemix-pruned-fix.safetensors", Safetensors.f32(Map.of(), 1, 300_000).bytes());
        lora = add("lora-hanfugirl-v1-5.safetensors", Safetensors.f32(Map.of("ss_network_dim", "32"), 2, 5000).bytes());
        add("copy/AsiaFacemix-copy.safetensors", Files.readAllBytes(dir.resolve("AsiaFacemix-pruned-fix.safetensors")));
        add("embeddings/easynegative.pt", "not really a pickle".getBytes());
    }

    @Test
    void modelAndLoraHashesNameTheirFiles() {
        List<Finding> f = ModelVerifier.verify(List.of(
                recorded("Model hash", "AsiaFacemix-pruned-fix", checkpoint.autoV2(), 1234),
                recorded("Lora hashes", "lora-hanfugirl-v1-5", lora.loraShortHash(), 1400)), files);
        assertEquals(Verdict.STRONGLY_INDICATES, f.get(0).verdict());
        assertEquals("match", f.get(0).data().get("outcome"));
        assertTrue(f.get(0).statement().contains("identifies AsiaFacemix-pruned-fix.safetensors and its 1 "
                + "byte-identical copies by AutoV2"), f.get(0).statement());
        assertEquals(1234L, f.get(0).evidence().get(0).offset());
        assertEquals("Model hash", f.get(0).evidence().get(0).field());
        assertTrue(f.get(1).statement().contains("identifies lora-hanfugirl-v1-5.safetensors by AutoV3 first 12 hex"),
                f.get(1).statement());
    }

    @Test
    void aSameNamedFileWithOtherBytesContradicts() {
        Finding f = ModelVerifier.verify(List.of(recorded("Lora hashes", "lora-hanfugirl-v1-5", "6e8a1d2f3b4c", 9)),
                files).get(0);
        assertEquals(Verdict.CONTRADICTS, f.verdict());
        assertEquals("no-match", f.data().get("outcome"));
        Finding none = ModelVerifier.verify(List.of(recorded("VAE hash", "kl-f8", "0123456789", 9)), files).get(0);
        assertEquals(Verdict.INCONCLUSIVE, none.verdict());
        assertTrue(none.statement().contains("matches none of the 4 weight files"), none.statement());
    }

    @Test
    void weakAndShortHashesSaySo() {
        Finding old = ModelVerifier.verify(List.of(recorded("Model hash", null, checkpoint.autoV1(), 5)), files).get(0);
        assertEquals("match", old.data().get("outcome"));
        assertEquals(Verdict.INDICATES, old.verdict());
        assertTrue(old.limitations().stream().anyMatch(l -> l.startsWith("AutoV1 covers only 64 KiB")));
        // AutoV1 of a file under 1 MiB is the empty hash, which every small file shares: ambiguous, not a match
        Finding small = ModelVerifier.verify(List.of(recorded("Model hash", null, lora.autoV1(), 5)), files).get(0);
        assertEquals("ambiguous", small.data().get("outcome"));
        assertEquals(Verdict.INCONCLUSIVE, small.verdict());
        Finding crc = ModelVerifier.verify(List.of(recorded("Hashes", "lora", lora.civitaiCrc32(), 5)), files).get(0);
        assertEquals(Verdict.INDICATES, crc.verdict());
        assertTrue(crc.statement().contains("CRC32 (Civitai's byte order)"), crc.statement());
        Finding shortHash = ModelVerifier.verify(List.of(recorded("Model hash", null, "4e0b", 5)), files).get(0);
        assertEquals("unusable", shortHash.data().get("outcome"));
    }

    @Test
    void describesEveryFileAndFlagsABrokenHeader() throws IOException {
        add("broken.safetensors", Safetensors.raw("{not json".getBytes(), new byte[16]).bytes());
        List<Finding> f = ModelVerifier.describe(files);
        assertEquals(6, f.size());
        Finding broken = f.get(5);
        assertEquals("sd.safetensors-invalid", broken.rule());
        assertTrue(broken.statement().startsWith("broken.safetensors is not a valid safetensors file: the header is "
                + "not JSON"), broken.statement());
        assertEquals(17L, broken.evidence().get(0).length());
    }

    private RecordedHash recorded(String field, String resource, String hash, long offset) {
        return new RecordedHash(field, resource, "checkpoint", hash,
                EvidencePointer.bytes(IMAGE, "PNG tEXt parameters", offset, hash.length()).withField(field));
    }

    private ModelFileHashes add(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        ModelFileHashes h = ModelHasher.hash(p, name);
        files.add(new ModelVerifier.WeightFile(new Exhibit(name, h.sha256(), h.size(), "application/octet-stream",
                "reference"), h));
        return h;
    }
}
