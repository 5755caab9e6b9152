package org.exhibit.sd.noise;

/**
 * Where a generator drew its initial noise. AUTOMATIC1111 records it in the infotext key {@code RNG} only when it
 * is not the default: absent means {@link #GPU}, {@code RNG: CPU} means {@link #CPU}, {@code RNG: NV} means
 * {@link #NV}. ComfyUI always draws on the CPU.
 */
public enum NoiseSource {
    /** torch's CPU generator (mt19937): reproducible bit for bit on any machine. */
    CPU,
    /**
     * torch's generator on the GPU the image was made on. On NVIDIA CUDA that is Philox 4x32-10, which
     * A1111's NV source emulates; AMD, Intel and Apple GPUs draw differently and cannot be reproduced here.
     */
    GPU,
    /** A1111's NumPy emulation of CUDA's Philox generator (modules/rng_philox.py): the same on any hardware. */
    NV;

    /** The source an A1111 infotext {@code RNG} value names; null or blank means the default, GPU. */
    public static NoiseSource fromInfotext(String rng) {
        if (rng == null || rng.isBlank()) {
            return GPU;
        }
        return switch (rng.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "CPU" -> CPU;
            case "NV" -> NV;
            case "GPU" -> GPU;
            default -> throw new IllegalArgumentException("unknown RNG source '" + rng + "' (expected GPU, CPU or NV)");
        };
    }
}
