package org.exhibit.cli;

import org.exhibit.analysis.Roles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show what each file is: detected type, SHA-256, size, dimensions or duration, and every "
                + "metadata item (EXIF, XMP, IPTC, PNG text chunks, audio tags, PDF info...). A file that cannot be "
                + "read is named on standard error and in the report; the others are still done (exit 3).",
        footerHeading = "%nExamples:%n",
        footer = {"  exhibit inspect photo.png",
                "  exhibit inspect --format json clip.wav report.pdf > inventory.json",
                "  exhibit inspect -r evidence/ --format json > inventory.json",
                "  find . -name '*.jpg' | exhibit inspect --files-from -"})
class InspectCommand implements Callable<Integer> {

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
        AnalysisRun run = new AnalysisRun("metadata", common)
                .each(inputs.items(common.maxFileBytes), Roles.INPUT, "input");
        return run.emit(run.report("exhibit inspect", run.limitOptions()), output, spec, InspectText::render);
    }
}
