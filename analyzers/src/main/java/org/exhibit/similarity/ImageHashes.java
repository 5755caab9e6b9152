package org.exhibit.similarity;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * aHash, dHash, pHash and wHash exactly as the Python {@code imagehash} library (4.3) defines them, on the
 * pixels Pillow would give it: {@code convert('L')} (ITU-R 601 in Pillow's fixed point), then
 * {@code resize(..., LANCZOS)} (Pillow's two-pass fixed-point resampler, reproduced here), then the hash's own
 * step — mean (aHash), neighbour comparison (dHash), 2-D DCT-II low 8×8 against its median (pHash),
 * Haar low band against its median (wHash). 64 bits each, first bit most significant, hex as imagehash prints.
 * wHash removes the coarsest Haar LL band as imagehash does; since that only shifts every coefficient by the
 * same amount it does not change a comparison with the median, and is done implicitly.
 */
public final class ImageHashes {

    private static final int PRECISION_BITS = 32 - 8 - 2;

    private ImageHashes() {
    }

    /** The four hashes of one image. */
    public record Hashes(long aHash, long dHash, long pHash, long wHash) {
        public static String hex(long h) {
            return String.format("%016x", h);
        }
    }

    public static Hashes of(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        int[] l = luminance(image);
        return new Hashes(aHash(l, w, h), dHash(l, w, h), pHash(l, w, h), wHash(l, w, h));
    }

    /** Pillow's RGB → L: (19595 R + 38470 G + 7471 B + 0x8000) >> 16. */
    public static int[] luminance(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        int[] out = new int[w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                out[y * w + x] = (((p >> 16) & 255) * 19595 + ((p >> 8) & 255) * 38470 + (p & 255) * 7471 + 0x8000) >> 16;
            }
        }
        return out;
    }

    static long aHash(int[] l, int w, int h) {
        int[] p = lanczos(l, w, h, 8, 8);
        double sum = 0;
        for (int v : p) {
            sum += v;
        }
        double mean = sum / 64;
        long bits = 0;
        for (int v : p) {
            bits = bits << 1 | (v > mean ? 1 : 0);
        }
        return bits;
    }

    static long dHash(int[] l, int w, int h) {
        int[] p = lanczos(l, w, h, 9, 8);
        long bits = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                bits = bits << 1 | (p[y * 9 + x + 1] > p[y * 9 + x] ? 1 : 0);
            }
        }
        return bits;
    }

    static long pHash(int[] l, int w, int h) {
        int[] p = lanczos(l, w, h, 32, 32);
        // scipy.fftpack.dct type II, unnormalised: y[k] = 2 Σ x[n] cos(π k (2n+1) / 2N); along columns, then rows
        double[][] cos = new double[8][32];
        for (int k = 0; k < 8; k++) {
            for (int n = 0; n < 32; n++) {
                cos[k][n] = 2 * Math.cos(Math.PI * k * (2 * n + 1) / 64.0);
            }
        }
        double[][] cols = new double[8][32]; // dct along axis 0 (down each column), first 8 frequencies
        for (int k = 0; k < 8; k++) {
            for (int x = 0; x < 32; x++) {
                double s = 0;
                for (int y = 0; y < 32; y++) {
                    s += cos[k][y] * p[y * 32 + x];
                }
                cols[k][x] = s;
            }
        }
        double[] low = new double[64];
        for (int k = 0; k < 8; k++) {
            for (int j = 0; j < 8; j++) {
                double s = 0;
                for (int x = 0; x < 32; x++) {
                    s += cos[j][x] * cols[k][x];
                }
                low[k * 8 + j] = s;
            }
        }
        return aboveMedian(low);
    }

    static long wHash(int[] l, int w, int h) {
        int scale = Math.max(Integer.highestOneBit(Math.min(w, h)), 8);
        int[] p = lanczos(l, w, h, scale, scale);
        int block = scale / 8;
        double[] low = new double[64];
        for (int by = 0; by < 8; by++) {
            for (int bx = 0; bx < 8; bx++) {
                long s = 0;
                for (int y = by * block; y < (by + 1) * block; y++) {
                    for (int x = bx * block; x < (bx + 1) * block; x++) {
                        s += p[y * scale + x];
                    }
                }
                low[by * 8 + bx] = s; // the Haar LL band is the block sum up to a common factor
            }
        }
        return aboveMedian(low);
    }

    private static long aboveMedian(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        double median = (s[31] + s[32]) / 2; // numpy.median of 64 values
        long bits = 0;
        for (double x : v) {
            bits = bits << 1 | (x > median ? 1 : 0);
        }
        return bits;
    }

    /** Pillow's {@code Image.resize((outW, outH), LANCZOS)} on an 8-bit single-band image, bit for bit. */
    static int[] lanczos(int[] in, int w, int h, int outW, int outH) {
        int[] tmp = w == outW ? in : pass(in, w, h, outW, true);
        return h == outH ? tmp : pass(tmp, outW, h, outH, false);
    }

    /** One resampling pass (horizontal: rows of length w → outLen; vertical: columns of length h → outLen). */
    private static int[] pass(int[] in, int w, int h, int outLen, boolean horizontal) {
        int inLen = horizontal ? w : h;
        double scale = (double) inLen / outLen;
        double filterScale = Math.max(1.0, scale);
        double support = 3.0 * filterScale;
        int ksize = (int) Math.ceil(support) * 2 + 1;
        int[] bounds = new int[outLen * 2];
        int[] kk = new int[outLen * ksize];
        double[] k = new double[ksize];
        for (int xx = 0; xx < outLen; xx++) {
            double center = (xx + 0.5) * scale;
            double ss = 1.0 / filterScale;
            int xmin = Math.max(0, (int) (center - support + 0.5));
            int xmax = Math.min(inLen, (int) (center + support + 0.5)) - xmin;
            double ww = 0;
            for (int x = 0; x < xmax; x++) {
                k[x] = lanczos3((x + xmin - center + 0.5) * ss);
                ww += k[x];
            }
            for (int x = 0; x < xmax; x++) {
                double v = ww != 0.0 ? k[x] / ww : k[x];
                kk[xx * ksize + x] = v < 0 ? (int) (-0.5 + v * (1 << PRECISION_BITS)) : (int) (0.5 + v * (1 << PRECISION_BITS));
            }
            bounds[2 * xx] = xmin;
            bounds[2 * xx + 1] = xmax;
        }
        int lines = horizontal ? h : w;
        int outW = horizontal ? outLen : w;
        int[] out = new int[horizontal ? outLen * h : w * outLen];
        for (int line = 0; line < lines; line++) {
            for (int xx = 0; xx < outLen; xx++) {
                int xmin = bounds[2 * xx], xmax = bounds[2 * xx + 1];
                long ss0 = 1L << (PRECISION_BITS - 1);
                for (int x = 0; x < xmax; x++) {
                    int v = horizontal ? in[line * w + xmin + x] : in[(xmin + x) * w + line];
                    ss0 += (long) v * kk[xx * ksize + x];
                }
                int idx = horizontal ? line * outW + xx : xx * outW + line;
                out[idx] = clip8((int) ss0);
            }
        }
        return out;
    }

    private static int clip8(int in) {
        if (in >= (1 << PRECISION_BITS << 8)) {
            return 255;
        }
        if (in <= 0) {
            return 0;
        }
        return in >> PRECISION_BITS;
    }

    private static double lanczos3(double x) {
        return -3.0 <= x && x < 3.0 ? sinc(x) * sinc(x / 3) : 0.0;
    }

    private static double sinc(double x) {
        if (x == 0.0) {
            return 1.0;
        }
        x *= Math.PI;
        return Math.sin(x) / x;
    }

    /** Hamming distance of two 64-bit hashes. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
