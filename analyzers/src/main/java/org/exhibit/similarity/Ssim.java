package org.exhibit.similarity;

/**
 * Structural similarity (Wang, Bovik, Sheikh, Simoncelli, IEEE TIP 2004): Gaussian window σ = 1.5 (11 taps),
 * K1 = 0.01, K2 = 0.03, L = 255, population (not sample) covariance — the values of the paper and of
 * scikit-image's {@code structural_similarity(gaussian_weights=True, use_sample_covariance=False)}, with which
 * the tests check agreement. NaN pixels (outside an aligned region) are left out: a window counts only where
 * every pixel it weighs is present in both images, so the mean is taken over fully covered windows only.
 * MS-SSIM follows Wang, Simoncelli, Bovik 2003 (5 scales, their exponents, 2×2 average downsampling).
 */
public final class Ssim {

    private static final double C1 = Math.pow(0.01 * 255, 2);
    private static final double C2 = Math.pow(0.03 * 255, 2);
    private static final double[] KERNEL = gaussian(1.5, 5);
    private static final double[] MS_WEIGHTS = {0.0448, 0.2856, 0.3001, 0.2363, 0.1333};

    private Ssim() {
    }

    /**
     * @param mean      mean SSIM over the windows that are fully covered (NaN when none is)
     * @param map       SSIM per pixel (NaN where the window is not fully covered)
     * @param contrastStructure mean of the contrast·structure term alone (used by MS-SSIM)
     * @param windows   how many windows the mean rests on
     */
    public record Result(double mean, Gray map, double contrastStructure, int windows) {
    }

    public static Result compute(Gray x, Gray y) {
        if (x.width != y.width || x.height != y.height) {
            throw new IllegalArgumentException("SSIM needs images of one size");
        }
        int w = x.width, h = x.height, n = w * h;
        double[] m = new double[n], sx = new double[n], sy = new double[n], sxx = new double[n], syy = new double[n], sxy = new double[n];
        for (int i = 0; i < n; i++) {
            float a = x.data[i], b = y.data[i];
            if (!Float.isNaN(a) && !Float.isNaN(b)) {
                m[i] = 1;
                sx[i] = a;
                sy[i] = b;
                sxx[i] = (double) a * a;
                syy[i] = (double) b * b;
                sxy[i] = (double) a * b;
            }
        }
        double[][] f = {m, sx, sy, sxx, syy, sxy};
        for (double[] c : f) {
            blur(c, w, h);
        }
        float[] map = new float[n];
        double sum = 0, sumCs = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (m[i] < 1 - 1e-9) {
                map[i] = Float.NaN;
                continue;
            }
            double mx = sx[i], my = sy[i];
            double vx = sxx[i] - mx * mx, vy = syy[i] - my * my, cxy = sxy[i] - mx * my;
            double cs = (2 * cxy + C2) / (vx + vy + C2);
            double s = (2 * mx * my + C1) / (mx * mx + my * my + C1) * cs;
            map[i] = (float) s;
            sum += s;
            sumCs += cs;
            count++;
        }
        return new Result(count == 0 ? Double.NaN : sum / count, new Gray(w, h, map),
                count == 0 ? Double.NaN : sumCs / count, count);
    }

    /** Multi-scale SSIM over five scales; NaN when the coarsest scale has no fully covered window. */
    public static double msSsim(Gray x, Gray y) {
        double product = 1;
        Gray a = x, b = y;
        for (int s = 0; s < MS_WEIGHTS.length; s++) {
            Result r = compute(a, b);
            if (r.windows == 0) {
                return Double.NaN;
            }
            double term = s == MS_WEIGHTS.length - 1 ? r.mean : r.contrastStructure;
            product *= Math.pow(Math.max(0, term), MS_WEIGHTS[s]);
            a = half(a);
            b = half(b);
        }
        return product;
    }

    /** 2×2 average (a NaN anywhere in the block gives NaN). */
    static Gray half(Gray g) {
        int w = g.width / 2, h = g.height / 2;
        float[] d = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = 2 * y * g.width + 2 * x;
                d[y * w + x] = (g.data[i] + g.data[i + 1] + g.data[i + g.width] + g.data[i + g.width + 1]) / 4f;
            }
        }
        return new Gray(w, h, d);
    }

    /** Separable Gaussian, zeros outside the image (so border windows lose weight and are excluded). */
    private static void blur(double[] c, int w, int h) {
        int r = KERNEL.length / 2;
        double[] tmp = new double[c.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int k = -r; k <= r; k++) {
                    int xx = x + k;
                    if (xx >= 0 && xx < w) {
                        s += KERNEL[k + r] * c[y * w + xx];
                    }
                }
                tmp[y * w + x] = s;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int k = -r; k <= r; k++) {
                    int yy = y + k;
                    if (yy >= 0 && yy < h) {
                        s += KERNEL[k + r] * tmp[yy * w + x];
                    }
                }
                c[y * w + x] = s;
            }
        }
    }

    private static double[] gaussian(double sigma, int radius) {
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }
}
