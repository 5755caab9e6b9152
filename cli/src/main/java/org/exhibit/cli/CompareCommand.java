package org.exhibit.cli;

import org.exhibit.analysis.Roles;
import org.exhibit.report.TextReportWriter;
import org.exhibit.similarity.AlignedPair;
import org.exhibit.similarity.Aligner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare an accused image with an original: PDQ (with rotations and mirrors), aHash, dHash, "
                + "pHash, wHash, keypoint correspondence with a homography (finds crops, rescales, rotations, mirrors, "
                + "pasting), SSIM and MS-SSIM after alignment, colour histogram; an itemised list of corresponding "
                + "regions; figures; and a combined conclusion no stronger than its weakest link. Every threshold "
                + "carries the error rates measured by 'exhibit bench similarity'.",
        footerHeading = "%nExamples:%n",
        footer = {"  exhibit compare original.png accused.jpg",
                "  exhibit compare --report-dir case-12 original.png accused.webp",
                "  exhibit compare --format json --fail-on indicates a.png b.png > similarity.json"})
class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ORIGINAL", description = "The original image (never modified).")
    Path original;

    @Parameters(index = "1", paramLabel = "ACCUSED", description = "The image accused of copying it (never modified).")
    Path accused;

    @Mixin
    CommonOptions common;

    @Mixin
    OutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AnalysisRun run = new AnalysisRun("similarity", common)
                .require(original, Roles.ORIGINAL, "original")
                .require(accused, Roles.ACCUSED, "accused");
        Map<String, Object> options = run.limitOptions();
        options.put("keypointSide", Aligner.WORK_SIDE);
        options.put("ssimGridSide", AlignedPair.GRID_SIDE);
        return run.emit(run.report("exhibit compare", options), output, spec, TextReportWriter::render);
    }
}
