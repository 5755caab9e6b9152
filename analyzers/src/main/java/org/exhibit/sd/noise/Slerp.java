package org.exhibit.sd.noise;

/**
 * A1111's {@code slerp(val, low, high)} (modules/rng.py) applied, as A1111 applies it, to one image's noise of
 * shape [C, H, W]: the norms and dot products run over dimension 1 (the latent rows), giving one angle per
 * (channel, column); when the mean cosine exceeds 0.9995 it falls back to {@code low·val + high·(1-val)} (sic).
 * Steps are rounded to float32 as torch computes them; reductions are summed in double, so a value can differ
 * from torch's in the last bit or two (well under 1e-6).
 */
final class Slerp {

    private Slerp() {
    }

    static float[] a1111(double val, float[] low, float[] high, int c, int h, int w) {
        float fVal = (float) val;
        float fOneMinus = (float) (1.0 - val);
        float[] out = new float[low.length];
        float[] dot = new float[c * w];
        double dotSum = 0;
        for (int k = 0; k < c; k++) {
            for (int x = 0; x < w; x++) {
                double lowSq = 0;
                double highSq = 0;
                for (int y = 0; y < h; y++) {
                    int i = (k * h + y) * w + x;
                    lowSq += (double) low[i] * low[i];
                    highSq += (double) high[i] * high[i];
                }
                float lowNorm = (float) Math.sqrt(lowSq);
                float highNorm = (float) Math.sqrt(highSq);
                double d = 0;
                for (int y = 0; y < h; y++) {
                    int i = (k * h + y) * w + x;
                    d += (low[i] / lowNorm) * (high[i] / highNorm);
                }
                dot[k * w + x] = (float) d;
                dotSum += dot[k * w + x];
            }
        }
        if (dotSum / dot.length > 0.9995) {
            for (int i = 0; i < out.length; i++) {
                out[i] = low[i] * fVal + high[i] * fOneMinus;
            }
            return out;
        }
        for (int k = 0; k < c; k++) {
            for (int x = 0; x < w; x++) {
                float omega = (float) StrictMath.acos(dot[k * w + x]);
                float so = (float) StrictMath.sin(omega);
                float a = (float) StrictMath.sin(fOneMinus * omega) / so;
                float b = (float) StrictMath.sin(fVal * omega) / so;
                for (int y = 0; y < h; y++) {
                    int i = (k * h + y) * w + x;
                    out[i] = a * low[i] + b * high[i];
                }
            }
        }
        return out;
    }
}
