package org.exhibit.sd.noise;

/**
 * The 32-bit Mersenne Twister exactly as torch's CPU generator runs it ({@code at::mt19937}, the same output
 * sequence as {@code std::mt19937}): seeded from the low 32 bits of the seed with the Knuth initialiser,
 * tempered output. Not thread-safe: one instance per stream, as torch has one per generator.
 */
final class Mt19937 {

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER = 0x80000000;
    private static final int LOWER = 0x7fffffff;

    private final int[] state = new int[N];
    private int next = N;

    /** {@code torch.manual_seed(seed)}: only {@code seed & 0xffffffff} reaches the twister. */
    Mt19937(long seed) {
        state[0] = (int) seed;
        for (int j = 1; j < N; j++) {
            int prev = state[j - 1];
            state[j] = 1812433253 * (prev ^ (prev >>> 30)) + j;
        }
    }

    /** Next 32 random bits (as torch's {@code generator->random()}), as an unsigned value in a long. */
    long nextUnsigned() {
        if (next >= N) {
            twist();
        }
        int y = state[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (state[i] & UPPER) | (state[(i + 1) % N] & LOWER);
            int v = state[(i + M) % N] ^ (y >>> 1);
            state[i] = (y & 1) != 0 ? v ^ MATRIX_A : v;
        }
        next = 0;
    }
}
