package org.exhibit.cli;

import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.io.Inputs;
import org.exhibit.sd.SdAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Read the Stable Diffusion generation record(s) of each image, whatever generator wrote them "
                + "(A1111/Forge/SD.Next infotext, ComfyUI, NovelAI, InvokeAI, Fooocus, SwarmUI...), normalised: "
                + "model and hash, LoRAs, prompts, seed, sampler, steps, CFG, size, hires fix, and every other "
                + "key verbatim, with the byte range it was read from.",
        footerHeading = "%nExamples:%n",
        footer = {"  exhibit sd show 00012-2692150200.png",
                "  exhibit sd show --format json *.png > records.json"})
class SdShowCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Images to read (never modified).")
    List<Path> files;

    @Mixin
    CommonOptions common;

    @Mixin
    OutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Exhibit> exhibits = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Path file : files) {
            Exhibit e = Inputs.open(file, "input", common.limits());
            exhibits.add(e);
            findings.addAll(SdAnalyzer.show(e, file, common.limits()));
        }
        var report = ReportOutput.report("exhibit sd show", Map.of("maxPixels", common.maxPixels,
                "maxFileBytes", common.maxFileBytes), exhibits, findings, List.of());
        return ReportOutput.emit(report, output, spec.commandLine().getOut(), SdShowText::render);
    }
}
