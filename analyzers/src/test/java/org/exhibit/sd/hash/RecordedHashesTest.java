package org.exhibit.sd.hash;

import org.exhibit.evidence.Exhibit;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.exhibit.fixtures.SdInfotext;
import org.exhibit.io.Limits;
import org.exhibit.sd.SdMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RecordedHashesTest {

    @TempDir
    Path dir;

    @Test
    void everyHashFieldIsFoundWithItsBytes() throws Exception {
        String text = SdInfotext.liVLiu().param("VAE hash", "735e4c3a44").param("VAE", "vae-ft-mse-840000")
                .param("TI hashes", "easynegative: c74b4e810b03, badhandv4: 5e40d722fc3d")
                .param("Hashes", "{\"model\": \"6ea5e0b5f9\", \"lora:lora-hanfugirl-v1-5\": \"2ad1b4d0a7\"}").text();
        Path png = dir.resolve("a.png");
        byte[] bytes = PngBuilder.rgb(Pictures.scene(16, 16, 1)).text("parameters", text).build();
        Files.write(png, bytes);
        Exhibit e = new Exhibit("a.png", "00".repeat(32), bytes.length, "image/png", "input");
        List<RecordedHash> r = RecordedHashes.of(SdMetadata.read(png, Limits.DEFAULT).get(0), e);
        assertEquals(List.of("Model hash 6ea5e0b5f9 AsiaFacemix-pruned-fix checkpoint",
                "VAE hash 735e4c3a44 vae-ft-mse-840000 vae",
                "Lora hashes 2ad1b4d0a7bb lora-hanfugirl-v1-5 lora",
                "TI hashes c74b4e810b03 easynegative embedding",
                "TI hashes 5e40d722fc3d badhandv4 embedding",
                "Hashes 6ea5e0b5f9 AsiaFacemix-pruned-fix checkpoint",
                "Hashes 2ad1b4d0a7 lora-hanfugirl-v1-5 lora"),
                r.stream().map(h -> h.field() + " " + h.hash() + " " + h.resource() + " " + h.kind()).toList());
        for (RecordedHash h : r) { // each pointer covers exactly the hash's bytes in the PNG
            int at = h.where().offset().intValue();
            assertEquals(h.hash(), new String(Arrays.copyOfRange(bytes, at, at + h.where().length().intValue()),
                    StandardCharsets.ISO_8859_1), h.field());
        }
    }
}
