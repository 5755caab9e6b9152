package org.exhibit.cli;

import org.exhibit.analysis.Roles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Read the Stable Diffusion generation record(s) of each image, whatever generator wrote them "
                + "(A1111/Forge/SD.Next infotext, ComfyUI, NovelAI, InvokeAI, Fooocus, SwarmUI...), normalised: "
                + "model and hash, LoRAs, prompts, seed, sampler, steps, CFG, size, hires fix, and every other "
                + "key verbatim, with the byte range it was read from. A file that cannot be read is named on "
                + "standard error and in the report; the others are still done (exit 3).",
        footerHeading = "%nExamples:%n",
        footer = {"  exhibit sd show 00012-2692150200.png",
                "  exhibit sd show --format json *.png > records.json",
                "  exhibit sd show -r outputs/ --format json > records.json"})
class SdShowCommand implements Callable<Integer> {

    @Mixin
    BatchInputs inputs;

    @Mixin
    CommonOptions common;

    @Mixin
    OutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (inputs.isEmpty()) {
            throw new UsageException("give at least one FILE (or -r FOLDER, or --files-from LIST)");
        }
        AnalysisRun run = new AnalysisRun("sd-metadata", common)
                .each(inputs.items(common.maxFileBytes), Roles.INPUT, "input");
        return run.emit(run.report("exhibit sd show", run.limitOptions()), output, spec, SdShowText::render);
    }
}
