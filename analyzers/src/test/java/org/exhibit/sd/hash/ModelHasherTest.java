package org.exhibit.sd.hash;

import org.exhibit.evidence.Hashing;
import org.exhibit.fixtures.Safetensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelHasherTest {

    @TempDir
    Path dir;

    @Test
    void civitaiHelloWorldVectors() throws IOException {
        ModelFileHashes h = hash("hello.ckpt", "hello world".getBytes(StandardCharsets.US_ASCII));
        Map<String, String> civitai = h.civitaiNames();
        assertEquals("B94D27B993", civitai.get("AutoV2"));
        assertEquals("85114A0D", civitai.get("CRC32"));
        assertEquals("0D4A1185", h.crc32()); // zlib.crc32(b"hello world") == 0x0d4a1185
        assertEquals("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9", h.sha256());
        // a file shorter than 1 MiB: A1111 hashes the empty read at offset 0x100000
        assertEquals("e3b0c442", h.autoV1());
        assertNull(h.addnet());
        assertEquals("unknown", h.format());
    }

    @Test
    void blake3OfTheEmptyInputIsTheOfficialVector() throws IOException {
        assertEquals("af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
                ModelHasher.hash(write("empty.pt", new byte[0]), "empty.pt", true).blake3());
    }

    @Test
    void autoV1HashesSixtyFourKibAtOneMibAcrossBlocks() throws IOException {
        byte[] bytes = new byte[9 << 20]; // spans three 4 MiB blocks
        new Random(7).nextBytes(bytes);
        bytes[0] = 'P';
        bytes[1] = 'K';
        bytes[2] = 3;
        bytes[3] = 4;
        ModelFileHashes h = hash("model.ckpt", bytes);
        String expected = Hashing.sha256Hex(Arrays.copyOfRange(bytes, 0x100000, 0x110000)).substring(0, 8);
        assertEquals(expected, h.autoV1());
        assertEquals(Hashing.sha256Hex(bytes), h.sha256());
        assertEquals("torch zip", h.format());
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        assertEquals(String.format("%08X", crc.getValue()), h.crc32());
    }

    @Test
    void addnetHashCoversTheTensorDataOnly() throws IOException {
        Safetensors.File f = Safetensors.f32(Map.of("ss_output_name", "lora-hanfugirl-v1-5"), 3, 1000, 1_100_000);
        ModelFileHashes h = hash("lora-hanfugirl-v1-5.safetensors", f.bytes());
        assertEquals(Hashing.sha256Hex(f.data()), h.addnet());
        assertEquals(Hashing.sha256Hex(f.data()).substring(0, 12), h.loraShortHash());
        assertEquals(Hashing.sha256Hex(f.bytes()), h.sha256());
        assertTrue(h.header().valid(), h.header().problems().toString());
        assertEquals(2, h.header().tensors());
        assertEquals("lora-hanfugirl-v1-5", h.header().metadata().get("ss_output_name"));
        assertEquals(h.addnet().toUpperCase(), h.civitaiNames().get("AutoV3"));
        // the header does not enter the addnet hash: other metadata, same tensors, same hash
        Safetensors.File g = Safetensors.f32(Map.of("ss_output_name", "renamed"), 3, 1000, 1_100_000);
        assertEquals(h.addnet(), hash("other.safetensors", g.bytes()).addnet());
    }

    @Test
    void brokenHeadersAreDescribedNotThrown() throws IOException {
        byte[] data = new byte[64];
        SafetensorsHeader notJson = hash("a.safetensors", Safetensors.raw("{\"t\": [1,".getBytes(), data).bytes()).header();
        assertFalse(notJson.valid());
        assertTrue(notJson.problems().get(0).startsWith("the header is not JSON"), notJson.problems().toString());

        byte[] huge = new byte[32];
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putLong(-2L);
        ModelFileHashes big = hash("b.safetensors", huge);
        assertTrue(big.header().problems().get(0).contains("18446744073709551614 bytes, over the format's 100 MB"),
                big.header().problems().toString());
        // A1111 would read nothing past the claimed header and report the hash of empty input, which names no file
        assertNull(big.addnet(), "no AutoV3 for a header that runs past the end of the file");
        assertFalse(big.civitaiNames().containsKey("AutoV3"));

        String outside = "{\"t\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,128]}}";
        assertTrue(hash("c.safetensors", Safetensors.raw(outside.getBytes(), data).bytes()).header().problems().get(0)
                .contains("lie outside the 64 data bytes"));
        String wrongSize = "{\"t\":{\"dtype\":\"F16\",\"shape\":[4,4],\"data_offsets\":[0,64]}}";
        assertTrue(hash("d.safetensors", Safetensors.raw(wrongSize.getBytes(), data).bytes()).header().problems().get(0)
                .contains("needs 32 bytes, the offsets give 64"));
        assertTrue(hash("e.safetensors", new byte[]{1, 2, 3}).header().problems().get(0).contains("fewer than the 8-byte"));
    }

    private ModelFileHashes hash(String name, byte[] bytes) throws IOException {
        return ModelHasher.hash(write(name, bytes), name);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }
}
