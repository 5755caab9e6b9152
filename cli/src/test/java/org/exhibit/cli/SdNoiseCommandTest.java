package org.exhibit.cli;

import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.exhibit.fixtures.SdInfotext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SdNoiseCommandTest {

    @TempDir
    Path dir;

    private static float firstValue(byte[] npy) {
        int headerLength = (npy[8] & 0xff) | (npy[9] & 0xff) << 8;
        return ByteBuffer.wrap(npy, 10 + headerLength, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat();
    }

    @Test
    void writesTheLatentOfTheGivenSeedAsNpy() throws Exception {
        Path out = dir.resolve("latent.npy");
        var run = CliTestSupport.run("sd", "noise", "--seed", "0", "--width", "64", "--height", "64", "--rng", "cpu",
                "--out", out.toString(), "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        byte[] npy = Files.readAllBytes(out);
        assertTrue(new String(npy, 0, 100, java.nio.charset.StandardCharsets.ISO_8859_1).contains("(1, 4, 8, 8)"));
        assertEquals(10 + 118 + 256 * 4, npy.length);
        assertTrue(run.out().contains("\"rule\" : \"sd.seed-noise\""), run.out());
        // torch.randn(256, generator=manual_seed(0))[0] on x86 (AVX2 kernel)
        assertEquals(Float.intBitsToFloat(0xbf901b85), firstValue(npy));
    }

    @Test
    void takesSeedSizeAndSourceFromTheImagesRecord() throws Exception {
        Path png = dir.resolve("00012-2692150200.png");
        Files.write(png, PngBuilder.rgb(Pictures.scene(64, 96, 2))
                .text("parameters", SdInfotext.liVLiu().param("RNG", "NV").text()).build());
        Path out = dir.resolve("latent.npy");
        var run = CliTestSupport.run("sd", "noise", png.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("A1111 NV Philox"), run.out());
        assertTrue(run.out().contains("RNG: NV"), run.out());
        assertEquals(Float.intBitsToFloat(0x3f201a21), firstValue(Files.readAllBytes(out)));
    }

    @Test
    void missingSeedOrBadSizeIsAUsageErrorAndAnImageWithoutRecordAnInputError() throws Exception {
        Path out = dir.resolve("x.npy");
        assertEquals(2, CliTestSupport.run("sd", "noise", "--width", "64", "--height", "64", "--out", out.toString())
                .exitCode());
        assertEquals(2, CliTestSupport.run("sd", "noise", "--seed", "1", "--width", "60", "--height", "64",
                "--out", out.toString()).exitCode());
        Path plain = dir.resolve("plain.png");
        Files.write(plain, PngBuilder.rgb(Pictures.scene(16, 16, 3)).build());
        var run = CliTestSupport.run("sd", "noise", plain.toString(), "--out", out.toString());
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("no generation record"), run.err());
    }
}
