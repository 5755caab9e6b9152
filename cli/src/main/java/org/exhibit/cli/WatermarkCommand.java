package org.exhibit.cli;

import org.exhibit.analysis.Roles;
import org.exhibit.report.TextReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "watermark", mixinStandardHelpOptions = true,
        description = "What happened to the original's visible watermark in the accused copy: still present, "
                + "cropped away, or removed in frame (painted over, blurred, cloned, inpainted); the text it "
                + "carried (OCR); and what changed in the files' metadata and encoding.",
        footerHeading = "%nExamples:%n",
        footer = {"  exhibit watermark download.jpg repost.jpg",
                "  exhibit watermark --region 480,410,180,36 original.png accused.png --report-dir case-12"})
class WatermarkCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ORIGINAL", description = "The file as the platform delivered it, with its mark.")
    Path original;

    @Parameters(index = "1", paramLabel = "ACCUSED", description = "The copy accused of having the mark removed.")
    Path accused;

    @Option(names = "--region", paramLabel = "X,Y,W,H",
            description = "Where the mark is in the original, in pixels (default: found by OCR).")
    String region;

    @Mixin
    CommonOptions common;

    @Mixin
    OutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AnalysisRun run = new AnalysisRun("watermark", common)
                .require(original, Roles.ORIGINAL, "original")
                .require(accused, Roles.ACCUSED, "accused")
                .param("region", region);
        Map<String, Object> options = run.limitOptions();
        if (region != null) {
            options.put("region", region);
        }
        return run.emit(run.report("exhibit watermark", options), output, spec, TextReportWriter::render);
    }
}
