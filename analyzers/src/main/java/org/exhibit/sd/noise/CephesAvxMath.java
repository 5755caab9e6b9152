package org.exhibit.sd.noise;

/**
 * One lane of the single-precision {@code log256_ps} and {@code sincos256_ps} that torch's AVX2 CPU kernel uses
 * for {@code randn} (aten/src/ATen/native/cpu/avx_mathfun.h: Giovanni Garberoglio's AVX port of Julien
 * Pommier's sse_mathfun, itself a rewrite of the Cephes {@code logf}/{@code sinf}/{@code cosf}; zlib licence).
 * Every step is the same IEEE single-precision operation in the same order, including the multiply-adds that
 * GCC fuses into FMA instructions when it compiles torch's AVX2 kernel (read from the disassembly of Debian's
 * libtorch_cpu.so 1.13.1: the polynomial steps, {@code y·z + e·q1}, {@code e·q2 + x}, the three-part range
 * reduction). Results are bit-identical to that build; they differ from libm's {@code logf}/{@code sinf} in the
 * last bits, which is why torch's normals differ between CPUs with and without AVX2.
 *
 * <p>Constants are written as C writes them (a double literal converted to float), so each is the same float.
 */
final class CephesAvxMath {

    private static final float SQRTHF = (float) 0.707106781186547524;
    private static final float LOG_P0 = (float) 7.0376836292E-2;
    private static final float LOG_P1 = (float) -1.1514610310E-1;
    private static final float LOG_P2 = (float) 1.1676998740E-1;
    private static final float LOG_P3 = (float) -1.2420140846E-1;
    private static final float LOG_P4 = (float) 1.4249322787E-1;
    private static final float LOG_P5 = (float) -1.6668057665E-1;
    private static final float LOG_P6 = (float) 2.0000714765E-1;
    private static final float LOG_P7 = (float) -2.4999993993E-1;
    private static final float LOG_P8 = (float) 3.3333331174E-1;
    private static final float LOG_Q1 = (float) -2.12194440e-4;
    private static final float LOG_Q2 = (float) 0.693359375;

    private static final float MINUS_DP1 = (float) -0.78515625;
    private static final float MINUS_DP2 = (float) -2.4187564849853515625e-4;
    private static final float MINUS_DP3 = (float) -3.77489497744594108e-8;
    private static final float SINCOF_P0 = (float) -1.9515295891E-4;
    private static final float SINCOF_P1 = (float) 8.3321608736E-3;
    private static final float SINCOF_P2 = (float) -1.6666654611E-1;
    private static final float COSCOF_P0 = (float) 2.443315711809948E-005;
    private static final float COSCOF_P1 = (float) -1.388731625493765E-003;
    private static final float COSCOF_P2 = (float) 4.166664568298827E-002;
    private static final float FOPI = (float) 1.27323954473516;

    private static final int MIN_NORM_POS = 0x00800000;
    private static final int INV_MANT_MASK = ~0x7f800000;
    private static final int HALF_BITS = Float.floatToRawIntBits(0.5f);
    private static final int SIGN_MASK = 0x80000000;

    private CephesAvxMath() {
    }

    /** {@code log256_ps} for one positive, finite argument (randn only passes (0, 1]). */
    static float log(float xIn) {
        int bits = Math.max(Float.floatToRawIntBits(xIn), MIN_NORM_POS); // max_ps on positive floats = int max
        int exponent = (bits >>> 23) - 0x7f;
        float x = Float.intBitsToFloat((bits & INV_MANT_MASK) | HALF_BITS);
        float e = (float) exponent;
        e = e + 1.0f;
        boolean below = x < SQRTHF;
        float tmp = below ? x : 0.0f;
        x = x - 1.0f;
        e = e - (below ? 1.0f : 0.0f);
        x = x + tmp;

        float z = x * x;
        float y = LOG_P0;
        y = Math.fma(y, x, LOG_P1);
        y = Math.fma(y, x, LOG_P2);
        y = Math.fma(y, x, LOG_P3);
        y = Math.fma(y, x, LOG_P4);
        y = Math.fma(y, x, LOG_P5);
        y = Math.fma(y, x, LOG_P6);
        y = Math.fma(y, x, LOG_P7);
        y = Math.fma(y, x, LOG_P8);
        y = y * x;
        y = Math.fma(y, z, e * LOG_Q1);
        y = Math.fma(-z, 0.5f, y);
        x = x + y;
        x = Math.fma(e, LOG_Q2, x);
        return x;
    }

    /** {@code sincos256_ps} for one argument; writes sine to out[0] and cosine to out[1]. */
    static void sincos(float xIn, float[] out) {
        int inBits = Float.floatToRawIntBits(xIn);
        int signSin = inBits & SIGN_MASK;
        float x = Float.intBitsToFloat(inBits & ~SIGN_MASK);

        float y = x * FOPI;
        int j = (int) y;             // cvttps: truncation
        j = (j + 1) & ~1;
        y = (float) j;

        int swapSignSin = (j & 4) << 29;
        boolean polyMask = (j & 2) == 0;   // which polynomial gives the sine (and the other the cosine)
        x = Math.fma(y, MINUS_DP1, x);
        x = Math.fma(y, MINUS_DP2, x);
        x = Math.fma(y, MINUS_DP3, x);

        int signCos = (~(j - 2) & 4) << 29;
        signSin ^= swapSignSin;

        float z = x * x;
        float yc = Math.fma(z, COSCOF_P0, COSCOF_P1);
        yc = Math.fma(z, yc, COSCOF_P2);
        yc = yc * z;
        yc = Math.fma(yc, z, -(z * 0.5f));
        yc = yc + 1.0f;

        float ys = Math.fma(SINCOF_P0, z, SINCOF_P1);
        ys = Math.fma(z, ys, SINCOF_P2);
        ys = z * ys;
        ys = Math.fma(ys, x, x);

        // poly_mask set (bit 1 of j clear): sine from the sine polynomial, cosine from the cosine polynomial
        float sin = polyMask ? ys : yc;
        float cos = polyMask ? yc : ys;
        out[0] = Float.intBitsToFloat(Float.floatToRawIntBits(sin) ^ signSin);
        out[1] = Float.intBitsToFloat(Float.floatToRawIntBits(cos) ^ signCos);
    }
}
