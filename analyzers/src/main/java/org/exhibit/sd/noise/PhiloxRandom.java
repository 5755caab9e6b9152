package org.exhibit.sd.noise;

/**
 * AUTOMATIC1111's "NV" random source (modules/rng_philox.py, "RNG imitating torch cuda randn on CPU"): Philox
 * 4x32 with 10 rounds keyed by the 64-bit seed, one counter per element (counter = [offset, 0, index, 0]), and
 * the first output of a single-precision-constant Box-Muller on the first two words. Each {@code randn} call
 * uses the next offset. Arithmetic follows what NumPy does with that code: the uint32 words times the float32
 * constants promote to float64, log/sqrt/sin run in float64, the result is rounded to float32.
 */
public final class PhiloxRandom {

    private static final long M0 = 0xD2511F53L;
    private static final long M1 = 0xCD9E8D57L;
    private static final int W0 = 0x9E3779B9;
    private static final int W1 = 0xBB67AE85;
    /** rng_philox.py: np.float32(2.3283064e-10) and np.float32(2.3283064e-10 * 6.2831855), widened. */
    private static final double TWO_POW32_INV = (float) 2.3283064e-10;
    private static final double TWO_POW32_INV_2PI = (float) (2.3283064e-10 * 6.2831855);
    private static final double HALF_INV = (float) (TWO_POW32_INV / 2);
    private static final double HALF_INV_2PI = (float) (TWO_POW32_INV_2PI / 2);

    private final long seed;
    private int offset;

    public PhiloxRandom(long seed) {
        this.seed = seed;
    }

    /** {@code Generator(seed).randn(shape)} with n elements in row-major order; advances the offset by one. */
    public float[] randn(int n) {
        float[] out = new float[n];
        randn(out, 0, n);
        return out;
    }

    /** Fills {@code data[at, at+n)} as one call of {@code randn} over n elements. */
    public void randn(float[] data, int at, int n) {
        int key0 = (int) seed;
        int key1 = (int) (seed >>> 32);
        int[] c = new int[4];
        for (int i = 0; i < n; i++) {
            c[0] = offset;
            c[1] = 0;
            c[2] = i;
            c[3] = 0;
            philox(c, key0, key1);
            data[at + i] = boxMuller(c[0] & 0xffffffffL, c[1] & 0xffffffffL);
        }
        offset++;
    }

    private static void philox(int[] c, int k0, int k1) {
        for (int round = 0; round < 10; round++) {
            long p0 = (c[0] & 0xffffffffL) * M0;
            long p2 = (c[2] & 0xffffffffL) * M1;
            int c0 = (int) (p2 >>> 32) ^ c[1] ^ k0;
            int c2 = (int) (p0 >>> 32) ^ c[3] ^ k1;
            c[0] = c0;
            c[1] = (int) p2;
            c[2] = c2;
            c[3] = (int) p0;
            k0 += W0;
            k1 += W1;
        }
    }

    private static float boxMuller(long x, long y) {
        double u = x * TWO_POW32_INV + HALF_INV;
        double v = y * TWO_POW32_INV_2PI + HALF_INV_2PI;
        double s = StrictMath.sqrt(-2.0 * StrictMath.log(u));
        return (float) (s * StrictMath.sin(v));
    }
}
