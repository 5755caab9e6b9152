package org.exhibit.cli;

import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.io.Inputs;
import org.exhibit.metadata.MetadataInspector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show what each file is: detected type, SHA-256, size, dimensions or duration, and every "
                + "metadata item (EXIF, XMP, IPTC, PNG text chunks, audio tags, PDF info...).",
        footerHeading = "%nExamples:%n",
        footer = {"  exhibit inspect photo.png",
                "  exhibit inspect --format json clip.wav report.pdf > inventory.json"})
class InspectCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to inspect (never modified).")
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
            findings.add(MetadataInspector.inspect(e, file, common.limits()));
        }
        var report = ReportOutput.report("exhibit inspect", Map.of("maxPixels", common.maxPixels,
                "maxFileBytes", common.maxFileBytes), exhibits, findings, List.of());
        return ReportOutput.emit(report, output, spec.commandLine().getOut(), InspectText::render);
    }
}
