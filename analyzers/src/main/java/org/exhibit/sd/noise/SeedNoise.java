package org.exhibit.sd.noise;

import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Hashing;
import org.exhibit.evidence.Method;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a generation's initial latent noise ({@link LatentNoise}) and describes it as a finding: which random
 * source the record implies and why, the latent's shape and SHA-256, its first values and its statistics.
 */
public final class SeedNoise {

    public static final String RULE = "sd.seed-noise";
    static final Method TORCH_CPU = new Method("torch CPU randn, reimplemented (mt19937, Box-Muller in blocks of 16)",
            "1", "pytorch aten/src/ATen/native/cpu/DistributionTemplates.h and avx_mathfun.h; checked bit for bit "
            + "against torch 1.13.1 (Debian); AUTOMATIC1111 modules/rng.py for seeds, variations and seed resize");
    static final Method PHILOX = new Method("AUTOMATIC1111 NV Philox 4x32-10 randn, reimplemented", "1",
            "AUTOMATIC1111 stable-diffusion-webui modules/rng_philox.py and modules/rng.py; checked bit for bit "
            + "against rng_philox.py under NumPy");

    /** A drawn latent with the finding that describes it. */
    public record Result(float[] latent, int[] shape, Finding finding) {
    }

    private SeedNoise() {
    }

    /**
     * @param request  what to draw
     * @param why      one sentence on where the request came from (e.g. "read from the PNG parameters chunk")
     * @param evidence pointers to the recorded fields the request rests on (may be empty)
     */
    public static Result draw(NoiseRequest request, String why, List<EvidencePointer> evidence) {
        float[] latent = LatentNoise.draw(request);
        int[] shape = request.shape();
        String sha = Hashing.sha256Hex(Npy.littleEndian(latent));
        Finding.Builder b = Finding.builder("sd", RULE, request.source() == NoiseSource.CPU ? TORCH_CPU : PHILOX)
                .statement("Initial latent noise for seed " + request.seed() + " (" + describe(request) + "): "
                        + shape[0] + "×" + shape[1] + "×" + shape[2] + "×" + shape[3] + " float32 values (SHA-256 "
                        + sha.substring(0, 16) + "…). " + why)
                .measure("values", latent.length, "count");
        addStatistics(b, latent);
        evidence.forEach(b::evidence);
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("layout", request.layout().name());
        req.put("source", request.source().name());
        req.put("kernel", request.kernel().name());
        req.put("seed", request.seed());
        req.put("subseed", request.subseed());
        req.put("subseedStrength", request.subseedStrength());
        req.put("width", request.width());
        req.put("height", request.height());
        req.put("seedResizeFrom", request.resizeFromWidth() == 0 ? null
                : request.resizeFromWidth() + "x" + request.resizeFromHeight());
        req.put("channels", request.channels());
        req.put("batchSize", request.batchSize());
        req.values().removeIf(java.util.Objects::isNull);
        List<Float> first = new ArrayList<>();
        for (int i = 0; i < Math.min(8, latent.length); i++) {
            first.add(latent[i]);
        }
        b.data("request", req).data("shape", List.of(shape[0], shape[1], shape[2], shape[3]))
                .data("sha256", sha).data("firstValues", first);
        limitations(request).forEach(b::limitation);
        return new Result(latent, shape, b.build());
    }

    /** The source in words, with the reason it was chosen. */
    static String describe(NoiseRequest r) {
        String layout = r.layout() == NoiseRequest.Layout.COMFYUI ? "ComfyUI batch stream" : "A1111";
        String source = switch (r.source()) {
            case CPU -> "torch CPU generator, " + (r.kernel() == TorchCpuRandom.Kernel.X86_AVX2
                    ? "x86-64 AVX2 kernel" : "portable kernel");
            case NV -> "A1111 NV Philox";
            case GPU -> "GPU source, drawn with A1111's NV Philox emulation of CUDA";
        };
        String variation = r.subseedStrength() == 0 ? "" : ", variation seed " + r.subseed() + " at strength "
                + r.subseedStrength();
        return layout + ", " + source + variation;
    }

    private static void addStatistics(Finding.Builder b, float[] v) {
        double sum = 0;
        double sq = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            sum += x;
            sq += (double) x * x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double mean = sum / v.length;
        b.measure("mean", mean, "").measure("standard deviation", Math.sqrt(sq / v.length - mean * mean), "")
                .measure("minimum", min, "").measure("maximum", max, "");
    }

    private static List<String> limitations(NoiseRequest r) {
        List<String> l = new ArrayList<>();
        l.add("Only the initial latent: ancestral and SDE samplers draw more noise at every step (A1111's "
                + "'Eta noise seed delta' shifts that seed), and a hires-fix second pass draws its own.");
        if (r.source() == NoiseSource.GPU) {
            l.add("The record names A1111's default GPU source. On NVIDIA CUDA that is Philox, which A1111's NV "
                    + "source emulates on the CPU; its own docstring values differ from this emulation by up to "
                    + "2e-7. Noise drawn on AMD, Intel or Apple GPUs differs and cannot be reproduced here.");
        }
        if (r.source() == NoiseSource.CPU) {
            l.add(r.kernel() == TorchCpuRandom.Kernel.X86_AVX2
                    ? "Bit-exact against torch 1.13.1 as Debian builds it for x86-64 (AVX2 kernel with fused "
                    + "multiply-adds); a torch build compiled without those fusions can differ in the last bit."
                    : "The portable kernel uses correctly rounded log/sin/cos; torch with glibc differs in about "
                    + "1.5 % of values by 1-2 units in the last place (at most 2.4e-7).");
        }
        if (r.subseedStrength() != 0) {
            l.add("Variation noise is joined with A1111's slerp in float32 with double-precision sums; values "
                    + "are within 5e-7 of torch's, not bit-identical.");
        }
        if (r.channels() != 4) {
            l.add("A latent of " + r.channels() + " channels was asked for (SD3/Flux use 16; SD 1.x, 2.x and "
                    + "SDXL use 4).");
        }
        return l;
    }
}
