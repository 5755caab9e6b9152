package org.exhibit.cli;

import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;
import org.exhibit.io.InputException;
import org.exhibit.io.Inputs;
import org.exhibit.sd.GenerationRecord;
import org.exhibit.sd.SdMetadata;
import org.exhibit.sd.noise.NoiseRequest;
import org.exhibit.sd.noise.RecordNoise;
import org.exhibit.sd.noise.NoiseSource;
import org.exhibit.sd.noise.Npy;
import org.exhibit.sd.noise.SeedNoise;
import org.exhibit.sd.noise.TorchCpuRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "noise", mixinStandardHelpOptions = true,
        description = "Draw the initial latent noise of a generation exactly as the generator drew it (torch's CPU "
                + "generator, A1111's NV Philox, variation seeds, seed resize, batches) and write it as a NumPy "
                + ".npy file; the report says which random source the record implies and why. Settings come from "
                + "the image's generation record, or from the options, which override the record.",
        footerHeading = "%nExamples:%n",
        footer = {"  exhibit sd noise 00012-2692150200.png --out latent.npy",
                "  exhibit sd noise --seed 2692150200 --width 512 --height 768 --rng cpu --out latent.npy",
                "  exhibit sd noise --seed 5 --width 1024 --height 1024 --layout comfyui --batch-size 4 --out b.npy"})
class SdNoiseCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "Image whose generation record gives the settings.")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "NPY", description = "Write the latent here (.npy, float32).")
    Path npy;

    @Option(names = "--record", paramLabel = "N",
            description = "Which record of the file to use, when it has several (ComfyUI). Default: ${DEFAULT-VALUE}.")
    int record = 1;

    @Option(names = "--seed", paramLabel = "N", description = "Seed (of the first image of the batch).")
    Long seed;

    @Option(names = "--width", paramLabel = "PX", description = "Image width (first pass), a multiple of 8.")
    Integer width;

    @Option(names = "--height", paramLabel = "PX", description = "Image height (first pass), a multiple of 8.")
    Integer height;

    @Option(names = "--subseed", paramLabel = "N", description = "Variation seed (A1111).")
    Long subseed;

    @Option(names = "--subseed-strength", paramLabel = "X", description = "Variation strength, 0 to 1.")
    Double subseedStrength;

    @Option(names = "--seed-resize-from", paramLabel = "WxH", description = "A1111 'Seed resize from' size.")
    String seedResizeFrom;

    @Option(names = "--rng", paramLabel = "SOURCE",
            description = "Noise source: gpu (A1111 default; drawn with NV Philox), cpu, nv. Default: the record's, "
                    + "else gpu for A1111 and cpu for ComfyUI.")
    String rng;

    @Option(names = "--layout", paramLabel = "GENERATOR",
            description = "How the batch is seeded: ${COMPLETION-CANDIDATES}. Default: from the record, else a1111.")
    Layout layout;

    @Option(names = "--kernel", paramLabel = "KERNEL",
            description = "torch CPU kernel to reproduce: x86 (AVX2, Intel/AMD) or portable (ARM, Apple). "
                    + "Default: ${DEFAULT-VALUE}.")
    Kernel kernel = Kernel.x86;

    @Option(names = "--channels", paramLabel = "N",
            description = "Latent channels: 4 (SD 1.x, 2.x, SDXL) or 16 (SD3, Flux). Default: ${DEFAULT-VALUE}.")
    int channels = 4;

    @Option(names = "--batch-size", paramLabel = "N", description = "Images drawn together. Default: ${DEFAULT-VALUE}.")
    int batchSize = 1;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Report format on standard output: text or json. Default: ${DEFAULT-VALUE}.")
    OutputOptions.Format format = OutputOptions.Format.text;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Also write report.json/html/pdf into DIR.")
    Path reportDir;

    @Mixin
    CommonOptions common;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    enum Layout { a1111, comfyui }

    enum Kernel { x86, portable }

    @Override
    public Integer call() throws Exception {
        List<Exhibit> exhibits = new ArrayList<>();
        List<EvidencePointer> evidence = new ArrayList<>();
        NoiseSettings settings = new NoiseSettings();
        String why = "Settings given on the command line.";
        if (file != null) {
            Exhibit e = Inputs.open(file, "input", common.limits());
            exhibits.add(e);
            List<GenerationRecord> records = SdMetadata.read(file, common.limits());
            if (records.isEmpty()) {
                throw new InputException(file, "has no generation record to take the seed from");
            }
            if (record < 1 || record > records.size()) {
                throw new UsageException("--record " + record + ": the file has " + records.size() + " record(s)");
            }
            RecordNoise.Settings r;
            try {
                r = RecordNoise.from(records.get(record - 1), e);
            } catch (IllegalArgumentException ex) {
                throw new InputException(file, ex.getMessage());
            }
            settings.take(r);
            evidence.addAll(r.evidence());
            why = r.why() + (hasOverrides() ? " Options given on the command line override the record." : "");
        }
        NoiseRequest request = request(settings);
        SeedNoise.Result result = SeedNoise.draw(request, why, evidence);
        var report = ReportOutput.report("exhibit sd noise", options(request), exhibits, List.of(result.finding()),
                List.of());
        ReportOutput.refuseToOverwriteInputs(report, npy);
        Files.write(npy, Npy.float32(result.latent(), result.shape()));
        OutputOptions o = new OutputOptions();
        o.format = format == OutputOptions.Format.pdf || format == OutputOptions.Format.html
                ? OutputOptions.Format.json : format;
        o.reportDir = reportDir;
        return ReportOutput.emit(report, o, spec.commandLine().getOut());
    }

    private boolean hasOverrides() {
        return seed != null || width != null || height != null || subseed != null || subseedStrength != null
                || seedResizeFrom != null || rng != null || layout != null;
    }

    private NoiseRequest request(NoiseSettings s) {
        if (seed != null) s.seed = seed;
        if (width != null) s.width = width;
        if (height != null) s.height = height;
        if (subseed != null) s.subseed = subseed;
        if (subseedStrength != null) s.subseedStrength = subseedStrength;
        if (layout != null) s.layout = layout == Layout.comfyui ? NoiseRequest.Layout.COMFYUI : NoiseRequest.Layout.A1111;
        if (rng != null) s.source = parseSource(rng);
        if (seedResizeFrom != null) {
            int[] wh = parseSize(seedResizeFrom);
            s.resizeWidth = wh[0];
            s.resizeHeight = wh[1];
        }
        if (s.seed == null || s.width == null || s.height == null) {
            throw new UsageException("need a seed and a size: give an image with a generation record, or --seed, "
                    + "--width and --height");
        }
        NoiseRequest.Layout l = s.layout == null ? NoiseRequest.Layout.A1111 : s.layout;
        NoiseSource source = s.source != null ? s.source
                : l == NoiseRequest.Layout.COMFYUI ? NoiseSource.CPU : NoiseSource.GPU;
        try {
            return new NoiseRequest(l, source, kernel == Kernel.x86 ? TorchCpuRandom.Kernel.X86_AVX2
                    : TorchCpuRandom.Kernel.PORTABLE, s.seed, s.subseed == null ? 0 : s.subseed,
                    s.subseedStrength == null ? 0 : s.subseedStrength, s.width, s.height, s.resizeWidth,
                    s.resizeHeight, channels, batchSize);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static NoiseSource parseSource(String value) {
        try {
            return NoiseSource.fromInfotext(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--rng: " + e.getMessage());
        }
    }

    static int[] parseSize(String wxh) {
        String[] parts = wxh.trim().split("[xX×]");
        try {
            if (parts.length == 2) {
                return new int[]{Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
            }
        } catch (NumberFormatException ignored) {
            // falls through to the usage error
        }
        throw new UsageException("expected a size like 512x768, not '" + wxh + "'");
    }

    private static Map<String, Object> options(NoiseRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layout", r.layout().name());
        m.put("source", r.source().name());
        m.put("kernel", r.kernel().name());
        m.put("channels", r.channels());
        m.put("batchSize", r.batchSize());
        return m;
    }

    /** Settings gathered from a record, then overridden by options. */
    static final class NoiseSettings {
        Long seed;
        Long subseed;
        Double subseedStrength;
        Integer width;
        Integer height;
        int resizeWidth;
        int resizeHeight;
        NoiseSource source;
        NoiseRequest.Layout layout;

        void take(RecordNoise.Settings r) {
            seed = r.seed();
            subseed = r.subseed();
            subseedStrength = r.subseedStrength();
            width = r.width();
            height = r.height();
            resizeWidth = r.resizeWidth();
            resizeHeight = r.resizeHeight();
            source = r.source();
            layout = r.layout();
        }
    }
}
