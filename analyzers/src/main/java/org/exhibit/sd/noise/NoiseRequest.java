package org.exhibit.sd.noise;

import java.util.Objects;

/**
 * Everything that decides a generation's initial latent noise.
 *
 * @param layout           how the generator seeds a batch
 * @param source           where the noise is drawn (A1111's RNG setting; ComfyUI is always CPU)
 * @param kernel           which torch CPU build to reproduce for the CPU source
 * @param seed             seed of the first image
 * @param subseed          variation seed (A1111), used when subseedStrength &gt; 0
 * @param subseedStrength  variation strength in [0, 1]
 * @param width            image width in pixels (first pass; a multiple of 8)
 * @param height           image height in pixels (first pass; a multiple of 8)
 * @param resizeFromWidth  A1111 "Seed resize from" width, 0 when not used
 * @param resizeFromHeight A1111 "Seed resize from" height, 0 when not used
 * @param channels         latent channels: 4 for SD 1.x/2.x/SDXL, 16 for SD3/Flux
 * @param batchSize        images drawn together
 */
public record NoiseRequest(Layout layout, NoiseSource source, TorchCpuRandom.Kernel kernel, long seed, long subseed,
                           double subseedStrength, int width, int height, int resizeFromWidth, int resizeFromHeight,
                           int channels, int batchSize) {

    /** Latent pixels per image pixel along each side (the VAE's down-sampling factor). */
    public static final int LATENT_FACTOR = 8;
    /** Largest latent accepted, in values (256 MiB of float32): far beyond any real generation. */
    public static final long MAX_LATENT_ELEMENTS = 64L << 20;

    /** How a batch gets its noise. */
    public enum Layout {
        /** AUTOMATIC1111 / Forge: one generator per image, image i seeded seed+i (or subseed+i with variations). */
        A1111,
        /** ComfyUI: one CPU generator seeded once; the whole batch is one randn([B, C, H/8, W/8]). */
        COMFYUI
    }

    public NoiseRequest {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kernel, "kernel");
        if (width <= 0 || height <= 0 || width % LATENT_FACTOR != 0 || height % LATENT_FACTOR != 0) {
            throw new IllegalArgumentException("size must be positive multiples of 8, not " + width + "x" + height);
        }
        if ((resizeFromWidth == 0) != (resizeFromHeight == 0) || resizeFromWidth < 0 || resizeFromHeight < 0) {
            throw new IllegalArgumentException("seed resize needs both width and height, not "
                    + resizeFromWidth + "x" + resizeFromHeight);
        }
        if (!(subseedStrength >= 0 && subseedStrength <= 1)) {
            throw new IllegalArgumentException("variation strength must be in [0, 1], not " + subseedStrength);
        }
        if (channels <= 0 || batchSize <= 0) {
            throw new IllegalArgumentException("channels and batch size must be positive");
        }
        if ((long) batchSize * channels * (height / LATENT_FACTOR) * (width / LATENT_FACTOR) > MAX_LATENT_ELEMENTS) {
            throw new IllegalArgumentException("latent of " + batchSize + "x" + channels + "x" + height / 8 + "x"
                    + width / 8 + " is over the limit of " + MAX_LATENT_ELEMENTS + " values");
        }
        if (layout == Layout.COMFYUI && (source != NoiseSource.CPU || subseedStrength != 0 || resizeFromWidth != 0)) {
            throw new IllegalArgumentException("ComfyUI draws CPU noise without variation seeds or seed resize");
        }
    }

    /** A plain A1111 request: one image, no variation, no seed resize. */
    public static NoiseRequest a1111(NoiseSource source, long seed, int width, int height) {
        return new NoiseRequest(Layout.A1111, source, TorchCpuRandom.Kernel.X86_AVX2, seed, 0, 0, width, height,
                0, 0, 4, 1);
    }

    public int latentHeight() {
        return height / LATENT_FACTOR;
    }

    public int latentWidth() {
        return width / LATENT_FACTOR;
    }

    /** Shape of the whole batch: [batch, channels, height/8, width/8]. */
    public int[] shape() {
        return new int[]{batchSize, channels, latentHeight(), latentWidth()};
    }
}
