package org.exhibit.cli;

import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.io.Images;
import org.exhibit.io.Inputs;
import org.exhibit.sd.GenerationRecord;
import org.exhibit.sd.SdMetadata;
import org.exhibit.sd.replay.GeneratorServer;
import org.exhibit.sd.replay.Progress;
import org.exhibit.sd.replay.Replay;
import org.exhibit.sd.replay.ReplayException;
import org.exhibit.sd.replay.Variations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Send an image's recorded settings to a running generator (AUTOMATIC1111/Forge started with "
                + "--api, or ComfyUI), fetch what it makes and compare it with the image: identical pixels, mean "
                + "difference, SSIM, PDQ distance. With --variations, also run the control experiment: seed + 1, "
                + "or the prompt's last part dropped, should change the output. Progress goes to standard error.",
        footerHeading = "%nExamples:%n",
        footer = {"  exhibit sd replay 00012-2692150200.png --server http://127.0.0.1:7860",
                "  exhibit sd replay comfy.png --server http://127.0.0.1:8188 --api comfyui --variations seed,prompt "
                        + "--report-dir replay/"})
class SdReplayCommand implements Callable<Integer> {

    enum Api { a1111, comfyui }

    enum Control { seed, prompt }

    @Parameters(arity = "1", paramLabel = "FILE", description = "The claimed image, with its generation record.")
    Path file;

    @Option(names = "--server", required = true, paramLabel = "URL",
            description = "Base URL of the generator, e.g. http://127.0.0.1:7860 (A1111) or :8188 (ComfyUI).")
    URI server;

    @Option(names = "--api", paramLabel = "API",
            description = "The server's API: ${COMPLETION-CANDIDATES}. Default: comfyui for ComfyUI records, else a1111.")
    Api api;

    @Option(names = "--variations", split = ",", paramLabel = "CHANGE",
            description = "Control renders, comma-separated: seed (seed + 1), prompt (last prompt part dropped).")
    List<Control> variations = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Longest wait for one image. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds = 600;

    @Option(names = "--record", paramLabel = "N", description = "Which record, when the file has several. Default: 1.")
    int record = 1;

    @Mixin
    CommonOptions common;

    @Mixin
    OutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Exhibit claimed = Inputs.open(file, "original", common.limits());
        GenerationRecord r = SdRecipeCommand.pick(file, SdMetadata.read(file, common.limits()), record);
        var image = Images.read(file, common.limits());
        boolean comfyRecord = r.generator() != null && r.generator().toLowerCase(Locale.ROOT).contains("comfy");
        GeneratorServer.Api chosen = api != null ? GeneratorServer.Api.valueOf(api.name().toUpperCase(Locale.ROOT))
                : comfyRecord ? GeneratorServer.Api.COMFYUI : GeneratorServer.Api.A1111;
        if (timeoutSeconds <= 0) {
            throw new UsageException("--timeout must be positive");
        }
        GeneratorServer client;
        try {
            client = GeneratorServer.connect(chosen, server, Duration.ofSeconds(timeoutSeconds));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--server: " + e.getMessage());
        }
        List<Variations.Kind> controls = variations.stream()
                .map(v -> Variations.Kind.valueOf(v.name().toUpperCase(Locale.ROOT))).distinct().toList();
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = (step, fraction) -> {
            err.println("exhibit: replay: " + step + (fraction >= 0 ? String.format(Locale.ROOT, " %.0f%%",
                    fraction * 100) : ""));
            err.flush();
        };
        List<Finding> findings;
        try {
            findings = Replay.run(claimed, image, r, client, controls, progress);
        } catch (ReplayException e) {
            err.println("exhibit: replay: " + e.getMessage());
            return ExitCodes.INPUT;
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("server", server.toString());
        options.put("api", chosen.name().toLowerCase(Locale.ROOT));
        options.put("variations", controls.stream().map(k -> k.name().toLowerCase(Locale.ROOT)).toList());
        options.put("timeoutSeconds", timeoutSeconds);
        var report = ReportOutput.report("exhibit sd replay", options, List.of(claimed), findings, List.of());
        return ReportOutput.emit(report, output, spec.commandLine().getOut());
    }
}
