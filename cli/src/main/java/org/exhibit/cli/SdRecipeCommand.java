package org.exhibit.cli;

import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.io.InputException;
import org.exhibit.io.Inputs;
import org.exhibit.report.TextReportWriter;
import org.exhibit.sd.GenerationRecord;
import org.exhibit.sd.SdMetadata;
import org.exhibit.sd.recipe.Recipes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        Exhibit e = Inputs.open(file, "input", common.limits());
        GenerationRecord r = pick(file, SdMetadata.read(file, common.limits()), record);
        Recipes.Recipe recipe = Recipes.write(r, Recipes.Target.valueOf(target.name().toUpperCase()));
        Finding f = Recipes.finding(e, r, recipe);
        var report = ReportOutput.report("exhibit sd recipe", Map.of("target", target.name()), List.of(e), List.of(f),
                List.of());
        if (save != null) {
            ReportOutput.refuseToOverwriteInputs(report, save);
            Files.writeString(save, recipe.text(), StandardCharsets.UTF_8);
        }
        return ReportOutput.emit(report, output, spec.commandLine().getOut(),
                rep -> TextReportWriter.render(rep) + "\n" + recipe.text());
    }

    static GenerationRecord pick(Path file, List<GenerationRecord> records, int n) throws InputException {
        if (records.isEmpty()) {
            throw new InputException(file, "has no generation record");
        }
        if (n < 1 || n > records.size()) {
            throw new UsageException("--record " + n + ": the file has " + records.size() + " record(s)");
        }
        return records.get(n - 1);
    }
}
