package org.exhibit.cli;

import org.exhibit.analysis.Roles;
import org.exhibit.evidence.Report;
import org.exhibit.report.TextReportWriter;
import org.exhibit.sd.replay.ReplayException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
        if (timeoutSeconds <= 0) {
            throw new UsageException("--timeout must be positive");
        }
        List<String> controls = variations.stream().map(Enum::name).distinct().toList();
        PrintWriter err = spec.commandLine().getErr();
        AnalysisRun run = new AnalysisRun("replay", common)
                .require(file, Roles.ORIGINAL, "original")
                .param("server", server.toString())
                .param("api", api == null ? null : api.name())
                .param("variations", String.join(",", controls))
                .param("timeoutSeconds", timeoutSeconds)
                .param("record", record)
                .progress((step, message) -> {
                    err.println("exhibit: replay: " + message);
                    err.flush();
                });
        Report report;
        try {
            report = run.report("exhibit sd replay", Map.of());
        } catch (ReplayException e) {
            err.println("exhibit: replay: " + e.getMessage());
            return ExitCodes.INPUT;
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("server", server.toString());
        options.put("api", api == null ? "auto (comfyui for ComfyUI records, else a1111)" : api.name());
        options.put("variations", controls);
        options.put("timeoutSeconds", timeoutSeconds);
        report = report.withOptions(options);
        return run.emit(report, output, spec, TextReportWriter::render);
    }
}
