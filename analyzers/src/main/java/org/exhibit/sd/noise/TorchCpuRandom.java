package org.exhibit.sd.noise;

/**
 * torch's CPU generator ({@code torch.Generator("cpu").manual_seed(seed)}) and its {@code randn} for float32
 * tensors, reproduced step by step (aten/src/ATen/native/cpu/DistributionTemplates.h, DistributionsHelper.h):
 * <ul>
 *   <li>n &ge; 16: fill all n slots with uniforms {@code (mt() & 0xFFFFFF) · 2^-24}; transform each block of 16
 *   with Box-Muller (u1 = 1 - d[j], u2 = d[j+8] for j &lt; 8; cos into d[j], sin into d[j+8]); when n is not a
 *   multiple of 16, draw 16 fresh uniforms into the last 16 slots and transform them again.</li>
 *   <li>n &lt; 16: element by element in double precision, 53-bit uniforms from two draws, Box-Muller pairs
 *   with the second value cached in the generator for the next element.</li>
 * </ul>
 * The block transform exists in two builds of torch: x86-64 CPUs with AVX2 (and AVX-512, which torch sends to
 * the AVX2 kernel for normals) use the Cephes polynomial log/sincos of avx_mathfun.h; other CPUs (ARM, Apple
 * Silicon) use libm {@code logf}/{@code cosf}/{@code sinf}. They agree to about 1e-7 but not bit for bit.
 */
public final class TorchCpuRandom {

    /** Which torch CPU kernel to reproduce for tensors of 16 or more float32 elements. */
    public enum Kernel {
        /** torch on x86-64 with AVX2 or AVX-512 (Intel/AMD desktops and servers): avx_mathfun polynomials. */
        X86_AVX2,
        /** torch on CPUs without AVX2 (ARM, Apple Silicon, or ATEN_CPU_CAPABILITY=default): libm functions. */
        PORTABLE
    }

    private static final float TWO_PI_F = (float) (2.0f * Math.PI);
    private static final double TWO_PI = 2.0 * Math.PI;

    private final Mt19937 mt;
    private double cachedNormal = Double.NaN;

    public TorchCpuRandom(long seed) {
        this.mt = new Mt19937(seed);
    }

    /** {@code torch.randn(n, generator=this)} as float32, row-major. */
    public float[] randn(int n, Kernel kernel) {
        float[] out = new float[n];
        randn(out, 0, n, kernel);
        return out;
    }

    /** Fills {@code data[offset, offset+n)} as one torch {@code randn} call of n elements. */
    public void randn(float[] data, int offset, int n, Kernel kernel) {
        if (n < 16) {
            for (int i = 0; i < n; i++) {
                data[offset + i] = (float) nextDoubleNormal();
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            data[offset + i] = nextFloatUniform();
        }
        for (int i = 0; i < n - 15; i += 16) {
            transform16(data, offset + i, kernel);
        }
        if (n % 16 != 0) {
            int tail = offset + n - 16;
            for (int i = 0; i < 16; i++) {
                data[tail + i] = nextFloatUniform();
            }
            transform16(data, tail, kernel);
        }
    }

    private float nextFloatUniform() {
        return (mt.nextUnsigned() & 0xFFFFFF) * 0x1.0p-24f;
    }

    private double nextDoubleUniform() {
        long hi = mt.nextUnsigned();
        long lo = mt.nextUnsigned();
        long bits = (hi << 32) | lo;
        return (bits & ((1L << 53) - 1)) * 0x1.0p-53;
    }

    /** {@code at::normal_distribution<double>(0, 1)}: Box-Muller with the sine cached for the next call. */
    private double nextDoubleNormal() {
        if (!Double.isNaN(cachedNormal)) {
            double v = cachedNormal;
            cachedNormal = Double.NaN;
            return v;
        }
        double u1 = nextDoubleUniform();
        double u2 = nextDoubleUniform();
        double r = Math.sqrt(-2.0 * StrictMath.log1p(-u2));
        double theta = TWO_PI * u1;
        cachedNormal = r * StrictMath.sin(theta);
        return r * StrictMath.cos(theta);
    }

    private static void transform16(float[] d, int at, Kernel kernel) {
        if (kernel == Kernel.X86_AVX2) {
            float[] sc = new float[2];
            for (int j = 0; j < 8; j++) {
                float u1 = 1.0f - d[at + j];
                float u2 = d[at + j + 8];
                float radius = (float) Math.sqrt(-2.0f * CephesAvxMath.log(u1));
                CephesAvxMath.sincos(TWO_PI_F * u2, sc);
                d[at + j] = radius * sc[1];
                d[at + j + 8] = radius * sc[0];
            }
        } else {
            for (int j = 0; j < 8; j++) {
                float u1 = 1.0f - d[at + j];
                float u2 = d[at + j + 8];
                float radius = (float) Math.sqrt(-2.0f * (float) StrictMath.log(u1));
                float theta = (float) (TWO_PI * u2);
                d[at + j] = radius * (float) StrictMath.cos(theta);
                d[at + j + 8] = radius * (float) StrictMath.sin(theta);
            }
        }
    }
}
