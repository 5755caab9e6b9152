package org.exhibit.sd.noise;

import org.exhibit.evidence.Hashing;
import org.junit.jupiter.api.Test;

import static org.exhibit.sd.noise.TorchCpuRandom.Kernel.PORTABLE;
import static org.exhibit.sd.noise.TorchCpuRandom.Kernel.X86_AVX2;
import static org.exhibit.sd.noise.TorchReference.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TorchCpuRandomTest {

    private static int[] bits(float[] values) {
        int[] b = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = Float.floatToRawIntBits(values[i]);
        }
        return b;
    }

    private static float[] randn(long seed, int n, TorchCpuRandom.Kernel kernel) {
        return new TorchCpuRandom(seed).randn(n, kernel);
    }

    @Test
    void theIssuesKnownValueSeedZeroFourValues() {
        float[] v = randn(0, 4, X86_AVX2);
        assertArrayEquals(new float[]{1.5410f, -0.2934f, -2.1788f, 0.5684f}, v, 5e-5f);
        assertArrayEquals(RANDN_S0_N4, bits(v));
    }

    @Test
    void underSixteenValuesUseTheDoublePathWithTheCachedSecondValue() {
        assertArrayEquals(RANDN_S1_N15, bits(randn(1, 15, X86_AVX2)));
        assertArrayEquals(RANDN_S7_N1, bits(randn(7, 1, X86_AVX2)));
        // the double path does not depend on the vector kernel
        assertArrayEquals(RANDN_S1_N15, bits(randn(1, 15, PORTABLE)));
    }

    @Test
    void avx2KernelIsBitExactForBlocksAndTails() {
        assertArrayEquals(AVX2_RANDN_S0_N16, bits(randn(0, 16, X86_AVX2)));
        assertArrayEquals(AVX2_RANDN_S0_N17, bits(randn(0, 17, X86_AVX2)), "tail of 1 recomputes the last 16");
        assertArrayEquals(AVX2_RANDN_S42_N37, bits(randn(42, 37, X86_AVX2)));
        assertArrayEquals(AVX2_RANDN_S2692150200_N100, bits(randn(2692150200L, 100, X86_AVX2)));
        assertArrayEquals(AVX2_RANDN_S123456789012_N50, bits(randn(123456789012L, 50, X86_AVX2)),
                "seeds above 2^32 keep their low 32 bits");
    }

    @Test
    void avx2LatentOfTheCaseIsBitExact() {
        float[] latent = randn(2692150200L, 4 * 96 * 64, X86_AVX2);
        int[] b = bits(latent);
        assertArrayEquals(AVX2_LATENT_FIRST8, java.util.Arrays.copyOfRange(b, 0, 8));
        assertArrayEquals(AVX2_LATENT_LAST8, java.util.Arrays.copyOfRange(b, b.length - 8, b.length));
        assertEquals(AVX2_LATENT_SHA256, Hashing.sha256Hex(Npy.littleEndian(latent)));
    }

    @Test
    void portableKernelIsWithinOneMillionthOfTorchWithGlibc() {
        // glibc's logf/cosf/sinf are not correctly rounded; Java's are: about 1.5 % of values differ by 1-2 ulp
        assertClose(floats(PORTABLE_RANDN_S0_N16), randn(0, 16, PORTABLE));
        assertClose(floats(PORTABLE_RANDN_S0_N17), randn(0, 17, PORTABLE));
        assertClose(floats(PORTABLE_RANDN_S42_N37), randn(42, 37, PORTABLE));
        assertClose(floats(PORTABLE_RANDN_S2692150200_N100), randn(2692150200L, 100, PORTABLE));
        float[] latent = randn(2692150200L, 4 * 96 * 64, PORTABLE);
        float[] sampled = new float[PORTABLE_LATENT_SAMPLE997.length];
        for (int i = 0; i < sampled.length; i++) {
            sampled[i] = latent[i * 997];
        }
        assertClose(floats(PORTABLE_LATENT_SAMPLE997), sampled);
        assertClose(floats(PORTABLE_LATENT_FIRST8), java.util.Arrays.copyOfRange(latent, 0, 8));
    }

    @Test
    void theTwoKernelsDifferOnlyInTheLastFewBits() {
        float[] a = randn(5, 4096, X86_AVX2);
        float[] p = randn(5, 4096, PORTABLE);
        int differing = 0;
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], p[i], 1e-5f * Math.max(1, Math.abs(a[i])));
            differing += a[i] == p[i] ? 0 : 1;
        }
        assertTrue(differing > 0, "the kernels are not identical");
    }

    static void assertClose(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-6f, "value " + i);
        }
    }
}
