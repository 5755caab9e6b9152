package org.exhibit.sd.noise;

/**
 * The initial latent noise of a generation, drawn as the generator drew it. For A1111 this follows
 * {@code modules/rng.py ImageRNG.first()}: per image a fresh generator for its seed; with a variation
 * ({@code subseed_strength} &gt; 0) the subseed's noise is drawn too and the two are joined by {@link Slerp};
 * with "Seed resize from" both are drawn at the old size and pasted, centred, into noise drawn at the new size.
 * Seeds of a batch: {@code seed + i}, except that with a variation every image keeps the seed and the subseed
 * counts up ({@code processing.py}: {@code all_seeds}, {@code all_subseeds}).
 */
public final class LatentNoise {

    private LatentNoise() {
    }

    /** The batch's noise, row-major over {@link NoiseRequest#shape()}. */
    public static float[] draw(NoiseRequest r) {
        int c = r.channels();
        int h = r.latentHeight();
        int w = r.latentWidth();
        int perImage = c * h * w;
        float[] out = new float[perImage * r.batchSize()];
        if (r.layout() == NoiseRequest.Layout.COMFYUI) {
            new TorchCpuRandom(r.seed()).randn(out, 0, out.length, r.kernel());
            return out;
        }
        boolean variation = r.subseedStrength() != 0;
        for (int i = 0; i < r.batchSize(); i++) {
            long seed = r.seed() + (variation ? 0 : i);
            long subseed = r.subseed() + i;
            float[] image = a1111Image(r, seed, subseed, c, h, w);
            System.arraycopy(image, 0, out, i * perImage, perImage);
        }
        return out;
    }

    private static float[] a1111Image(NoiseRequest r, long seed, long subseed, int c, int h, int w) {
        boolean resized = r.resizeFromWidth() > 0;
        int nh = resized ? r.resizeFromHeight() / NoiseRequest.LATENT_FACTOR : h;
        int nw = resized ? r.resizeFromWidth() / NoiseRequest.LATENT_FACTOR : w;
        float[] noise = randn(r, seed, c * nh * nw);
        if (r.subseedStrength() != 0) {
            float[] subnoise = randn(r, subseed, c * nh * nw);
            noise = Slerp.a1111(r.subseedStrength(), noise, subnoise, c, nh, nw);
        }
        if (!resized) {
            return noise;
        }
        float[] x = randn(r, seed, c * h * w);
        // rng.py: centre the old-size noise in the new-size noise, cropping where the old is larger
        int dx = Math.floorDiv(w - nw, 2); // Python's // rounds down
        int dy = Math.floorDiv(h - nh, 2);
        int cw = dx >= 0 ? nw : nw + 2 * dx;
        int ch = dy >= 0 ? nh : nh + 2 * dy;
        int tx = Math.max(dx, 0);
        int ty = Math.max(dy, 0);
        int sx = Math.max(-dx, 0);
        int sy = Math.max(-dy, 0);
        for (int k = 0; k < c; k++) {
            for (int y = 0; y < ch; y++) {
                System.arraycopy(noise, (k * nh + sy + y) * nw + sx, x, (k * h + ty + y) * w + tx, cw);
            }
        }
        return x;
    }

    /** One fresh generator's first randn of n values, from the request's source. */
    private static float[] randn(NoiseRequest r, long seed, int n) {
        return switch (r.source()) {
            case CPU -> new TorchCpuRandom(seed).randn(n, r.kernel());
            case GPU, NV -> new PhiloxRandom(seed).randn(n);
        };
    }
}
