package org.exhibit.sd.noise;

import org.exhibit.evidence.Hashing;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.exhibit.sd.noise.NoiseRequest.Layout.A1111;
import static org.exhibit.sd.noise.NoiseRequest.Layout.COMFYUI;
import static org.exhibit.sd.noise.TorchCpuRandom.Kernel.X86_AVX2;
import static org.exhibit.sd.noise.TorchReference.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LatentNoiseTest {

    private static final long SEED = 2692150200L;

    private static NoiseRequest request(NoiseSource source, long subseed, double strength, int resizeW, int resizeH,
                                        int batch) {
        return new NoiseRequest(A1111, source, X86_AVX2, SEED, subseed, strength, 512, 768, resizeW, resizeH, 4, batch);
    }

    private static float[] sample997(float[] latent) {
        float[] s = new float[(latent.length + 996) / 997];
        for (int i = 0; i < s.length; i++) {
            s[i] = latent[i * 997];
        }
        return s;
    }

    @Test
    void plainCpuLatentIsTorchsRandnOfShape4xHx8xWx8() {
        NoiseRequest r = request(NoiseSource.CPU, 0, 0, 0, 0, 1);
        assertArrayEquals(new int[]{1, 4, 96, 64}, r.shape());
        assertEquals(AVX2_LATENT_SHA256, Hashing.sha256Hex(Npy.littleEndian(LatentNoise.draw(r))));
    }

    @Test
    void gpuAndNvSourcesDrawA1111sPhilox() {
        assertEquals(PHILOX_LATENT_SHA256,
                Hashing.sha256Hex(Npy.littleEndian(LatentNoise.draw(request(NoiseSource.NV, 0, 0, 0, 0, 1)))));
        assertEquals(PHILOX_LATENT_SHA256,
                Hashing.sha256Hex(Npy.littleEndian(LatentNoise.draw(request(NoiseSource.GPU, 0, 0, 0, 0, 1)))));
    }

    @Test
    void variationSeedIsSlerpedAsA1111DoesWithinOneMillionth() {
        float[] cpu = LatentNoise.draw(request(NoiseSource.CPU, SEED - 1, 0.25, 0, 0, 1));
        TorchCpuRandomTest.assertClose(floats(AVX2_VARIATION_025_SAMPLE997), sample997(cpu));
        float[] nv = LatentNoise.draw(request(NoiseSource.NV, SEED - 1, 0.25, 0, 0, 1));
        TorchCpuRandomTest.assertClose(floats(NV_VARIATION_025_SAMPLE997), sample997(nv));
    }

    @Test
    void nearlyParallelNoiseFallsBackToA1111sLinearMix() {
        float[] same = LatentNoise.draw(request(NoiseSource.CPU, SEED, 0.4, 0, 0, 1));
        TorchCpuRandomTest.assertClose(floats(AVX2_VARIATION_SAME_SEED_04_SAMPLE997), sample997(same));
    }

    @Test
    void seedResizePastesTheOldSizesNoiseCentredAndCropped() {
        // 640 x 512 noise into a 512 x 768 image: 16 columns cropped, 16 rows added above and below
        float[] resized = LatentNoise.draw(request(NoiseSource.CPU, 0, 0, 640, 512, 1));
        assertEquals(AVX2_RESIZE_640X512_SHA256, Hashing.sha256Hex(Npy.littleEndian(resized)));
    }

    @Test
    void a1111BatchImagesUseSeedPlusIndexOrSubseedPlusIndexWithVariations() {
        float[] batch = LatentNoise.draw(request(NoiseSource.CPU, 0, 0, 0, 0, 2));
        int n = 4 * 96 * 64;
        float[] second = new TorchCpuRandom(SEED + 1).randn(n, X86_AVX2);
        assertArrayEquals(second, Arrays.copyOfRange(batch, n, 2 * n));

        float[] varied = LatentNoise.draw(request(NoiseSource.CPU, 7, 0.5, 0, 0, 2));
        float[] expected = LatentNoise.draw(new NoiseRequest(A1111, NoiseSource.CPU, X86_AVX2, SEED, 8, 0.5,
                512, 768, 0, 0, 4, 1));
        assertArrayEquals(expected, Arrays.copyOfRange(varied, n, 2 * n));
    }

    @Test
    void comfyuiDrawsTheWholeBatchFromOneStream() {
        NoiseRequest r = new NoiseRequest(COMFYUI, NoiseSource.CPU, X86_AVX2, 5, 0, 0, 64, 64, 0, 0, 4, 2);
        float[] batch = LatentNoise.draw(r);
        int[] b = new int[batch.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = Float.floatToRawIntBits(batch[i]);
        }
        assertArrayEquals(AVX2_COMFY_BATCH2_S5_FIRST4, Arrays.copyOfRange(b, 0, 4));
        assertArrayEquals(AVX2_COMFY_BATCH2_S5_LAST4, Arrays.copyOfRange(b, b.length - 4, b.length));
        assertEquals(AVX2_COMFY_BATCH2_S5_SHA256, Hashing.sha256Hex(Npy.littleEndian(batch)));
        assertNotEquals(new TorchCpuRandom(6).randn(256, X86_AVX2)[0], batch[256], "image 2 is not seed+1");
    }

    @Test
    void refusesSizesAndSettingsNoGeneratorAccepts() {
        assertThrows(IllegalArgumentException.class, () -> NoiseRequest.a1111(NoiseSource.CPU, 1, 500, 512));
        assertThrows(IllegalArgumentException.class, () -> request(NoiseSource.CPU, 1, 1.5, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> request(NoiseSource.CPU, 1, 0, 640, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new NoiseRequest(COMFYUI, NoiseSource.NV, X86_AVX2, 5, 0,
                0, 64, 64, 0, 0, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> new NoiseRequest(A1111, NoiseSource.CPU, X86_AVX2, 5, 0,
                0, 8192, 8192, 0, 0, 16, 64));
    }
}
