package org.exhibit.sd.noise;

import org.exhibit.evidence.Hashing;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.exhibit.sd.noise.TorchReference.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PhiloxRandomTest {

    private static int[] bits(float[] values) {
        int[] b = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = Float.floatToRawIntBits(values[i]);
        }
        return b;
    }

    @Test
    void matchesRngPhiloxPyBitForBitAndAdvancesTheOffsetPerCall() {
        PhiloxRandom g = new PhiloxRandom(0);
        assertArrayEquals(PHILOX_S0_3X4, bits(g.randn(12)));
        assertArrayEquals(PHILOX_S0_SECOND_CALL_5, bits(g.randn(5)));
    }

    @Test
    void usesBothHalvesOfA64BitSeed() {
        assertArrayEquals(PHILOX_S2POW40P5_8, bits(new PhiloxRandom((1L << 40) + 5).randn(8)));
    }

    @Test
    void latentOfTheCaseIsBitExact() {
        float[] latent = new PhiloxRandom(2692150200L).randn(4 * 96 * 64);
        int[] b = bits(latent);
        assertArrayEquals(PHILOX_LATENT_FIRST8, Arrays.copyOfRange(b, 0, 8));
        assertArrayEquals(PHILOX_LATENT_LAST8, Arrays.copyOfRange(b, b.length - 8, b.length));
        assertEquals(PHILOX_LATENT_SHA256, Hashing.sha256Hex(Npy.littleEndian(latent)));
    }

    @Test
    void staysWithinThreeTenMillionthsOfTheValuesPrintedInRngPhiloxPysDocstring() {
        // rng_philox.py's docstring prints the output its author expected (CUDA's, by its own account);
        // running the file itself gives values up to 2e-7 away from them, and so does this port.
        float[] expected = {-0.92466259f, -0.42534415f, -2.6438457f, 0.14518388f, -0.12086647f, -0.57972564f,
                -0.62285122f, -0.32838709f, -1.07454231f, -0.36314407f, -1.67105067f, 2.26550497f};
        assertArrayEquals(expected, new PhiloxRandom(0).randn(12), 3e-7f);
    }
}
