package org.exhibit.similarity;

import java.util.Arrays;

/**
 * PDQ, Meta's 256-bit perceptual hash with a 0–100 quality score, computed as the reference implementation
 * (ThreatExchange {@code pdq/java}, PDQHasher) computes it, in the same float arithmetic and order so the bits
 * agree exactly: BT.601 luma; two X/Y passes of a box filter of width ⌈dim/128⌉ (Jarosz tent filter); 64×64
 * decimation at block centres; 16×16 block of the 2-D DCT-II (frequencies 1..16); each bit = coefficient above
 * the median (the 128th smallest); quality = clipped sum of quantised 64×64 gradients / 90. The eight
 * dihedral variants (rotations, flips) are derived from the DCT by sign changes and transposition, as in the
 * reference. Matching convention (Meta): Hamming distance ≤ 31 is a match; hashes of quality below 50 are
 * not to be relied on.
 */
public final class Pdq {

    /** Meta's recommended match threshold on the Hamming distance (of 256 bits). */
    public static final int MATCH_DISTANCE = 31;
    /** Below this quality the reference recommends discarding the hash. */
    public static final int MIN_QUALITY = 50;

    private static final float SCALE = (float) Math.sqrt(2.0 / 64.0);
    private static final float[][] DCT = new float[16][64];

    static {
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 64; j++) {
                DCT[i][j] = (float) (SCALE * Math.cos((Math.PI / 2 / 64.0) * (i + 1) * (2 * j + 1)));
            }
        }
    }

    /**
     * The eight dihedral transforms, named as the reference names them. Measured on images: ROTATE_90 is a
     * quarter turn counter-clockwise, ROTATE_270 clockwise, FLIP_Y a left-right mirror, FLIP_X upside down,
     * FLIP_PLUS_1 a transpose (main diagonal), FLIP_MINUS_1 the anti-diagonal.
     */
    public enum Dihedral { ORIGINAL, ROTATE_90, ROTATE_180, ROTATE_270, FLIP_X, FLIP_Y, FLIP_PLUS_1, FLIP_MINUS_1 }

    /** A hash and its quality; {@code variants} holds all eight dihedral hashes in {@link Dihedral} order. */
    public record Result(Hash256 hash, int quality, Hash256[] variants) {
        public Hash256 variant(Dihedral d) {
            return variants[d.ordinal()];
        }
    }

    private Pdq() {
    }

    /** Hashes a full-resolution BT.601 luma image (as {@link Gray#of} makes it). Does not modify it. */
    public static Result hash(Gray luma) {
        int rows = luma.height, cols = luma.width;
        float[] a = luma.data.clone(), b = new float[a.length];
        int windowAlongRows = (cols + 127) / 128, windowAlongCols = (rows + 127) / 128;
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < rows; i++) {
                box(a, i * cols, b, cols, 1, windowAlongRows);
            }
            for (int j = 0; j < cols; j++) {
                box(b, j, a, rows, cols, windowAlongCols);
            }
        }
        float[][] small = new float[64][64];
        for (int i = 0; i < 64; i++) {
            int si = (int) (((i + 0.5) * rows) / 64);
            for (int j = 0; j < 64; j++) {
                int sj = (int) (((j + 0.5) * cols) / 64);
                small[i][j] = a[si * cols + sj];
            }
        }
        int quality = quality(small);
        float[][] dct = dct(small);
        Hash256[] variants = new Hash256[8];
        for (Dihedral d : Dihedral.values()) {
            variants[d.ordinal()] = bits(transform(dct, d));
        }
        return new Result(variants[0], quality, variants);
    }

    /** Smallest Hamming distance from {@code accused} to any dihedral variant of {@code original}, and which one. */
    public static int[] bestDihedralDistance(Result original, Hash256 accused) {
        int best = Integer.MAX_VALUE, which = 0;
        for (int i = 0; i < 8; i++) {
            int d = original.variants[i].distance(accused);
            if (d < best) {
                best = d;
                which = i;
            }
        }
        return new int[]{best, which};
    }

    /** One box-filter pass along a line: the reference's four phases (growing, full, shrinking window). */
    private static void box(float[] in, int start, float[] out, int length, int stride, int window) {
        int half = (window + 2) / 2;
        int phase1 = half - 1, phase2 = window - half + 1, phase3 = length - window, phase4 = half - 1;
        int li = 0, ri = 0, oi = 0, size = 0;
        float sum = 0f;
        for (int i = 0; i < phase1; i++, ri += stride) {
            sum += in[start + ri];
            size++;
        }
        for (int i = 0; i < phase2; i++, ri += stride, oi += stride) {
            sum += in[start + ri];
            size++;
            out[start + oi] = sum / size;
        }
        for (int i = 0; i < phase3; i++, li += stride, ri += stride, oi += stride) {
            sum += in[start + ri];
            sum -= in[start + li];
            out[start + oi] = sum / size;
        }
        for (int i = 0; i < phase4; i++, li += stride, oi += stride) {
            sum -= in[start + li];
            size--;
            out[start + oi] = sum / size;
        }
    }

    private static int quality(float[][] m) {
        int gradientSum = 0;
        for (int i = 0; i < 63; i++) {
            for (int j = 0; j < 64; j++) {
                gradientSum += Math.abs((int) (((m[i][j] - m[i + 1][j]) * 100) / 255));
            }
        }
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 63; j++) {
                gradientSum += Math.abs((int) (((m[i][j] - m[i][j + 1]) * 100) / 255));
            }
        }
        return Math.min(100, gradientSum / 90);
    }

    /** B = D A Dᵀ restricted to frequencies 1..16, float sums in the reference's order. */
    private static float[][] dct(float[][] a) {
        float[][] t = new float[16][64], b = new float[16][16];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 64; j++) {
                float s = 0f;
                for (int k = 0; k < 64; k++) {
                    s += DCT[i][k] * a[k][j];
                }
                t[i][j] = s;
            }
        }
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                float s = 0f;
                for (int k = 0; k < 64; k++) {
                    s += t[i][k] * DCT[j][k];
                }
                b[i][j] = s;
            }
        }
        return b;
    }

    /** The DCT of a rotated or flipped image, from the original's: sign flips of odd rows/columns, transposes. */
    private static float[][] transform(float[][] a, Dihedral d) {
        float[][] b = new float[16][16];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                float v = a[i][j];
                switch (d) {
                    case ORIGINAL -> b[i][j] = v;
                    case ROTATE_90 -> b[j][i] = (j & 1) != 0 ? v : -v;
                    case ROTATE_180 -> b[i][j] = ((i + j) & 1) != 0 ? -v : v;
                    case ROTATE_270 -> b[j][i] = (i & 1) != 0 ? v : -v;
                    case FLIP_X -> b[i][j] = (i & 1) != 0 ? v : -v;
                    case FLIP_Y -> b[i][j] = (j & 1) != 0 ? v : -v;
                    case FLIP_PLUS_1 -> b[j][i] = v;
                    case FLIP_MINUS_1 -> b[j][i] = ((i + j) & 1) != 0 ? -v : v;
                }
            }
        }
        return b;
    }

    /** Bit i·16+j set when coefficient (i, j) exceeds the median (the 128th smallest of the 256). */
    private static Hash256 bits(float[][] c) {
        float[] all = new float[256];
        for (int i = 0; i < 16; i++) {
            System.arraycopy(c[i], 0, all, i * 16, 16);
        }
        float[] sorted = all.clone();
        Arrays.sort(sorted);
        float median = sorted[127];
        boolean[] bits = new boolean[256];
        for (int k = 0; k < 256; k++) {
            bits[k] = all[k] > median;
        }
        return Hash256.of(bits);
    }
}
