package org.exhibit.sd.noise;

import org.exhibit.bench.Benchmark;
import org.exhibit.bench.BenchmarkResult;
import org.exhibit.bench.BenchmarkResult.MethodResult;

import java.util.ArrayList;
import java.util.List;

import static org.exhibit.sd.noise.TorchReference.*;

/**
 * Exactness and speed of the seed-noise reimplementation. Exactness: every value this package computes is
 * compared with the values torch 1.13.1 and A1111's rng_philox.py produced ({@link TorchReference}); a value
 * counts as a miss (false negative) when it is not bit-identical, or, for the slerp'd variation noise, when it
 * is more than 1e-6 away. There are no negatives: the benchmark asks only "is it the same noise". Speed: A1111
 * latents of 4 × 128 × 128 (a 1024 px square) drawn per second on this machine, from seeds seed, seed+1, ...
 */
public final class SdNoiseBenchmark implements Benchmark {

    private static final long CASE_SEED = 2692150200L;
    private static final int LATENT = 4 * 96 * 64;

    @Override
    public String name() {
        return "sd-noise";
    }

    @Override
    public String description() {
        return "seed noise vs torch 1.13.1 and A1111 rng_philox.py reference values: bit mismatches per method, "
                + "and 4x128x128 latents per second";
    }

    @Override
    public BenchmarkResult run(long seed, double scale) {
        List<MethodResult> methods = new ArrayList<>();
        int speedCount = Math.max(2, (int) Math.round(20 * scale));
        methods.add(torchCpu("torch-cpu-avx2", TorchCpuRandom.Kernel.X86_AVX2, AVX2_RANDN_S0_N16, AVX2_RANDN_S0_N17,
                AVX2_RANDN_S42_N37, AVX2_RANDN_S2692150200_N100, AVX2_LATENT_SAMPLE997, speedCount, seed));
        methods.add(torchCpu("torch-cpu-portable", TorchCpuRandom.Kernel.PORTABLE, PORTABLE_RANDN_S0_N16,
                PORTABLE_RANDN_S0_N17, PORTABLE_RANDN_S42_N37, PORTABLE_RANDN_S2692150200_N100,
                PORTABLE_LATENT_SAMPLE997, speedCount, seed));
        methods.add(exact("torch-cpu-double-path", "bit-identical float32", List.of(
                pair(floats(RANDN_S0_N4), randnCpu(0, 4, TorchCpuRandom.Kernel.X86_AVX2)),
                pair(floats(RANDN_S1_N15), randnCpu(1, 15, TorchCpuRandom.Kernel.X86_AVX2)),
                pair(floats(RANDN_S7_N1), randnCpu(7, 1, TorchCpuRandom.Kernel.X86_AVX2))), 0, 0, seed, null, null));
        PhiloxRandom p0 = new PhiloxRandom(0);
        methods.add(exact("philox-nv", "bit-identical float32", List.of(
                pair(floats(PHILOX_S0_3X4), p0.randn(12)),
                pair(floats(PHILOX_S0_SECOND_CALL_5), p0.randn(5)),
                pair(floats(PHILOX_S2POW40P5_8), new PhiloxRandom((1L << 40) + 5).randn(8)),
                pair(concat(floats(PHILOX_LATENT_FIRST8), floats(PHILOX_LATENT_LAST8)),
                        firstLast(new PhiloxRandom(CASE_SEED).randn(LATENT)))),
                0, speedCount, seed, NoiseSource.NV, TorchCpuRandom.Kernel.X86_AVX2));
        methods.add(wholeLatent("torch-cpu-avx2-latent", AVX2_LATENT_SHA256,
                randnCpu(CASE_SEED, LATENT, TorchCpuRandom.Kernel.X86_AVX2)));
        methods.add(wholeLatent("philox-nv-latent", PHILOX_LATENT_SHA256, new PhiloxRandom(CASE_SEED).randn(LATENT)));
        NoiseRequest variation = new NoiseRequest(NoiseRequest.Layout.A1111, NoiseSource.CPU,
                TorchCpuRandom.Kernel.X86_AVX2, CASE_SEED, CASE_SEED - 1, 0.25, 512, 768, 0, 0, 4, 1);
        methods.add(exact("a1111-variation-slerp", "|difference| <= 1e-6", List.of(
                pair(floats(AVX2_VARIATION_025_SAMPLE997), sample(LatentNoise.draw(variation)))),
                1e-6, 0, seed, null, null));
        return new BenchmarkResult(name(), seed, scale, "fixed reference values (torch 1.13.1 Debian x86-64, "
                + "A1111 rng_philox.py under NumPy 1.24.2) for seeds 0, 1, 7, 42, 2692150200, 2^40+5; speed over "
                + speedCount + " latents of 4x128x128 from the given seed", methods);
    }

    /** One torch CPU kernel against its references: seeds 0 (16 and 17 values), 42, the case seed, a latent sample. */
    private static MethodResult torchCpu(String method, TorchCpuRandom.Kernel kernel, int[] s0n16, int[] s0n17,
                                         int[] s42n37, int[] caseN100, int[] latentSample, int speedCount,
                                         long seed) {
        return exact(method, "bit-identical float32", List.of(
                pair(floats(s0n16), randnCpu(0, 16, kernel)),
                pair(floats(s0n17), randnCpu(0, 17, kernel)),
                pair(floats(s42n37), randnCpu(42, 37, kernel)),
                pair(floats(caseN100), randnCpu(CASE_SEED, 100, kernel)),
                pair(floats(latentSample), sample(randnCpu(CASE_SEED, LATENT, kernel)))),
                0, speedCount, seed, NoiseSource.CPU, kernel);
    }

    private record Pair(float[] expected, float[] actual) {
    }

    private static Pair pair(float[] expected, float[] actual) {
        return new Pair(expected, actual);
    }

    private static MethodResult exact(String method, String threshold, List<Pair> pairs, double tolerance,
                                      int speedCount, long seed, NoiseSource source, TorchCpuRandom.Kernel kernel) {
        int total = 0;
        int missed = 0;
        for (Pair p : pairs) {
            for (int i = 0; i < p.expected().length; i++) {
                total++;
                boolean same = tolerance == 0
                        ? Float.floatToRawIntBits(p.expected()[i]) == Float.floatToRawIntBits(p.actual()[i])
                        : Math.abs(p.expected()[i] - p.actual()[i]) <= tolerance;
                missed += same ? 0 : 1;
            }
        }
        Double ms = speedCount == 0 ? null : millisPerLatent(speedCount, seed, source, kernel);
        return new MethodResult(method, threshold, total, 0, 0.0, (double) missed / total, null, ms);
    }

    /** A whole 4x96x64 latent counts as one case: hit when its SHA-256 equals the reference's. */
    private static MethodResult wholeLatent(String method, String expectedSha, float[] latent) {
        boolean same = expectedSha.equals(org.exhibit.evidence.Hashing.sha256Hex(Npy.littleEndian(latent)));
        return new MethodResult(method, "SHA-256 of all 24576 float32 values identical", 1, 0, 0.0, same ? 0.0 : 1.0,
                null, null);
    }

    private static double millisPerLatent(int count, long seed, NoiseSource source, TorchCpuRandom.Kernel kernel) {
        LatentNoise.draw(new NoiseRequest(NoiseRequest.Layout.A1111, source, kernel, seed, 0, 0, 1024, 1024, 0, 0,
                4, 1)); // warm-up
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            LatentNoise.draw(new NoiseRequest(NoiseRequest.Layout.A1111, source, kernel, seed + i, 0, 0, 1024, 1024,
                    0, 0, 4, 1));
        }
        return Math.round((System.nanoTime() - start) / 1e6 / count * 1000) / 1000.0;
    }

    private static float[] randnCpu(long seed, int n, TorchCpuRandom.Kernel kernel) {
        return new TorchCpuRandom(seed).randn(n, kernel);
    }

    private static float[] sample(float[] latent) {
        float[] s = new float[(latent.length + 996) / 997];
        for (int i = 0; i < s.length; i++) {
            s[i] = latent[i * 997];
        }
        return s;
    }

    private static float[] firstLast(float[] v) {
        float[] out = new float[16];
        System.arraycopy(v, 0, out, 0, 8);
        System.arraycopy(v, v.length - 8, out, 8, 8);
        return out;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
