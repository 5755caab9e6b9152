package org.exhibit.label;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;

/**
 * The invisible watermark that Stable Diffusion's reference scripts (SD 1.x: the 136 bits of "StableDiffusionV1")
 * and SDXL (48 bits 0xB3EC907BB19E) embed with the invisible-watermark library's {@code dwtDct} method, ported
 * operation by operation so that decoding gives the library's bits: OpenCV's fixed-point BGR→YUV, the U channel
 * cropped to a multiple of 4, a one-level Haar DWT (PyWavelets' order of operations), the LL band cut into 4×4
 * blocks in raster order, block n carrying bit n mod L in the remainder of its largest-magnitude coefficient
 * (flat indices 1..15) modulo 36. The encoder is ported too (including the library's swap of the horizontal and
 * vertical detail bands on reconstruction and numpy's float→uint8 cast), so tests can make watermarked images.
 */
public final class SdWatermark {

    static final int SCALE = 36;
    static final int BLOCK = 4;
    private static final double H = 0.7071067811865476; // Haar filter tap as PyWavelets stores it

    /** SDXL's message, from Stability's generative-models repository (WATERMARK_MESSAGE). */
    public static final int[] SDXL = bits(0xB3EC907BB19EL, 48);
    /** SD 1.x reference scripts: WatermarkEncoder.set_watermark('bytes', b"StableDiffusionV1"). */
    public static final int[] SD1 = unpack("StableDiffusionV1".getBytes(StandardCharsets.US_ASCII));

    private SdWatermark() {
    }

    static int[] bits(long value, int n) {
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            b[i] = (int) (value >>> (n - 1 - i)) & 1;
        }
        return b;
    }

    static int[] unpack(byte[] bytes) {
        int[] b = new int[bytes.length * 8];
        for (int i = 0; i < b.length; i++) {
            b[i] = (bytes[i / 8] >> (7 - i % 8)) & 1;
        }
        return b;
    }

    /** The library refuses images under 256×256 pixels (r*c < 65536). */
    public static boolean largeEnough(BufferedImage img) {
        return (long) img.getWidth() * img.getHeight() >= 256 * 256;
    }

    /** Decoded bits (0/1) for a message of {@code length} bits, as WatermarkDecoder('bits', length) returns them. */
    public static int[] decode(BufferedImage img, int length) {
        int rows = img.getHeight() / 4 * 4;
        int cols = img.getWidth() / 4 * 4;
        double[][] ll = haarLL(uChannel(img, rows, cols));
        double[] sum = new double[length];
        int[] count = new int[length];
        int num = 0;
        for (int i = 0; i < ll.length / BLOCK; i++) {
            for (int j = 0; j < ll[0].length / BLOCK; j++) {
                int pos = argmaxAbs(ll, i, j);
                double val = Math.abs(ll[i * BLOCK + pos / BLOCK][j * BLOCK + pos % BLOCK]);
                sum[num % length] += (val % SCALE) > 0.5 * SCALE ? 1 : 0;
                count[num % length]++;
                num++;
            }
        }
        int[] bits = new int[length];
        for (int k = 0; k < length; k++) {
            bits[k] = count[k] > 0 && (sum[k] / count[k]) * 255 > 127 ? 1 : 0;
        }
        return bits;
    }

    /** How many decoded bits equal the message's. */
    public static int matches(BufferedImage img, int[] message) {
        int[] got = decode(img, message.length);
        int m = 0;
        for (int i = 0; i < message.length; i++) {
            m += got[i] == message[i] ? 1 : 0;
        }
        return m;
    }

    /** Embeds {@code message} as WatermarkEncoder.encode(bgr, 'dwtDct') does; returns a new RGB image. */
    public static BufferedImage encode(BufferedImage img, int[] message) {
        int w = img.getWidth();
        int h = img.getHeight();
        int rows = h / 4 * 4;
        int cols = w / 4 * 4;
        int[][] yuv = new int[h * w][];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                yuv[y * w + x] = OpenCvYuv.fromBgr(rgb & 0xFF, (rgb >> 8) & 0xFF, (rgb >> 16) & 0xFF);
            }
        }
        double[][] u = new double[rows][cols];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                u[y][x] = yuv[y * w + x][1];
            }
        }
        double[][][] bands = haar(u);
        double[][] ll = bands[0];
        int num = 0;
        for (int i = 0; i < ll.length / BLOCK; i++) {
            for (int j = 0; j < ll[0].length / BLOCK; j++) {
                int pos = argmaxAbs(ll, i, j);
                int bi = i * BLOCK + pos / BLOCK;
                int bj = j * BLOCK + pos % BLOCK;
                int bit = message[num % message.length];
                double val = ll[bi][bj];
                double q = floorDiv(Math.abs(val), SCALE) + 0.25 + 0.5 * bit;
                ll[bi][bj] = val >= 0.0 ? q * SCALE : -1.0 * q * SCALE;
                num++;
            }
        }
        // the library passes (cA, (cV, cH, cD)) to idwt2: the two detail bands change places
        double[][] back = inverseHaar(ll, bands[2], bands[1], bands[3]);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] p = yuv[y * w + x];
                int uu = y < rows && x < cols ? (((int) back[y][x]) & 0xFF) : p[1]; // numpy float64→uint8 cast
                int[] bgr = OpenCvYuv.toBgr(p[0], uu, p[2]);
                out.setRGB(x, y, bgr[2] << 16 | bgr[1] << 8 | bgr[0]);
            }
        }
        return out;
    }

    private static double[][] uChannel(BufferedImage img, int rows, int cols) {
        double[][] u = new double[rows][cols];
        int[] line = new int[cols];
        for (int y = 0; y < rows; y++) {
            img.getRGB(0, y, cols, 1, line, 0, cols);
            for (int x = 0; x < cols; x++) {
                int rgb = line[x];
                u[y][x] = OpenCvYuv.u(rgb & 0xFF, (rgb >> 8) & 0xFF, (rgb >> 16) & 0xFF);
            }
        }
        return u;
    }

    /** First index (1..15, row-major) of the largest |coefficient| in block (i, j), as numpy's argmax picks it. */
    private static int argmaxAbs(double[][] ll, int i, int j) {
        int best = 1;
        double max = -1;
        for (int k = 1; k < BLOCK * BLOCK; k++) {
            double v = Math.abs(ll[i * BLOCK + k / BLOCK][j * BLOCK + k % BLOCK]);
            if (v > max) {
                max = v;
                best = k;
            }
        }
        return best;
    }

    /** numpy's float floor division (npy_divmod): fmod first, then a rounded quotient. */
    static double floorDiv(double a, double b) {
        double mod = a % b;
        double div = (a - mod) / b;
        if (mod != 0 && (b < 0) != (mod < 0)) {
            div -= 1.0;
        }
        if (div == 0) {
            return Math.copySign(0.0, a / b);
        }
        double f = Math.floor(div);
        return div - f > 0.5 ? f + 1.0 : f;
    }

    /** LL band only (decoding needs nothing else). */
    private static double[][] haarLL(double[][] x) {
        return haar(x)[0];
    }

    /** pywt.dwt2(x, 'haar'): along axis 0 first, then axis 1; returns {LL, H (da), V (ad), D (dd)}. */
    static double[][][] haar(double[][] x) {
        int r = x.length / 2;
        int c = x.length == 0 ? 0 : x[0].length / 2;
        double[][][] out = new double[4][r][c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double a0 = H * x[2 * i][2 * j] + H * x[2 * i + 1][2 * j];
                double a1 = H * x[2 * i][2 * j + 1] + H * x[2 * i + 1][2 * j + 1];
                double d0 = -H * x[2 * i + 1][2 * j] + H * x[2 * i][2 * j];
                double d1 = -H * x[2 * i + 1][2 * j + 1] + H * x[2 * i][2 * j + 1];
                out[0][i][j] = H * a0 + H * a1;
                out[2][i][j] = -H * a1 + H * a0;
                out[1][i][j] = H * d0 + H * d1;
                out[3][i][j] = -H * d1 + H * d0;
            }
        }
        return out;
    }

    /** pywt.idwt2((LL, (H, V, D)), 'haar'): along axis 1 first, then axis 0. */
    static double[][] inverseHaar(double[][] ll, double[][] hh, double[][] vv, double[][] dd) {
        int r = ll.length;
        int c = ll[0].length;
        double[][] x = new double[2 * r][2 * c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double a0 = H * ll[i][j] + H * vv[i][j];
                double a1 = H * ll[i][j] + -H * vv[i][j];
                double d0 = H * hh[i][j] + H * dd[i][j];
                double d1 = H * hh[i][j] + -H * dd[i][j];
                x[2 * i][2 * j] = H * a0 + H * d0;
                x[2 * i + 1][2 * j] = H * a0 + -H * d0;
                x[2 * i][2 * j + 1] = H * a1 + H * d1;
                x[2 * i + 1][2 * j + 1] = H * a1 + -H * d1;
            }
        }
        return x;
    }
}
