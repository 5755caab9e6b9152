package org.exhibit.cli;

import org.exhibit.evidence.Report;
import org.exhibit.analysis.Roles;
import org.exhibit.io.InputException;
import org.exhibit.report.TextReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "recipe", mixinStandardHelpOptions = true,
        description = "Write what reproduces an image's generation on another generator: an A1111 /sdapi/v1/txt2img "
                + "payload, a ComfyUI API graph, or a Python diffusers script. The recipe is read back and compared "
                + "with the record; what it cannot carry over is listed.",
        footerHeading = "%nExamples:%n",
        footer = {"  exhibit sd recipe 00012-2692150200.png --target a1111 --save payload.json",
                "  exhibit sd recipe comfy.png --target comfyui --save graph.json",
                "  exhibit sd recipe image.png --target diffusers --save reproduce.py"})
class SdRecipeCommand implements Callable<Integer> {

    enum Target { a1111, comfyui, diffusers }

    @Parameters(arity = "1", paramLabel = "FILE", description = "Image with a generation record (never modified).")
    Path file;

    @Option(names = "--target", required = true, paramLabel = "TARGET",
            description = "Generator to reproduce on: ${COMPLETION-CANDIDATES}.")
    Target target;

    @Option(names = "--record", paramLabel = "N", description = "Which record, when the file has several. Default: 1.")
    int record = 1;

    @Option(names = "--save", paramLabel = "FILE", description = "Also write the recipe alone to FILE.")
    Path save;

    @Mixin
    CommonOptions common;

    @Mixin
    OutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AnalysisRun run = new AnalysisRun("reproduction-recipe", common)
                .require(file, Roles.ORIGINAL, "input")
                .param("target", target.name())
                .param("record", record);
        Report report = run.report("exhibit sd recipe", Map.of("target", target.name()));
        String recipe = String.valueOf(report.findings().get(0).data().get("recipe"));
        if (save != null) {
            ReportOutput.refuseToOverwriteInputs(report, save);
            Files.writeString(save, recipe, StandardCharsets.UTF_8);
        }
        return run.emit(report, output, spec, rep -> TextReportWriter.render(rep) + "\n" + recipe);
    }
}
