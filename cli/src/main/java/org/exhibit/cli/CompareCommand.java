package org.exhibit.cli;

import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.io.Images;
import org.exhibit.io.Inputs;
import org.exhibit.similarity.AlignedPair;
import org.exhibit.similarity.Aligner;
import org.exhibit.similarity.SimilarityAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        Exhibit o = Inputs.open(original, "original", common.limits());
        Exhibit a = Inputs.open(accused, "accused", common.limits());
        BufferedImage oi = Images.read(original, common.limits());
        BufferedImage ai = Images.read(accused, common.limits());
        List<Finding> findings = SimilarityAnalyzer.compare(o, oi, a, ai);
        Map<String, Object> options = new TreeMap<>(Map.of("maxPixels", common.maxPixels,
                "maxFileBytes", common.maxFileBytes, "keypointSide", Aligner.WORK_SIDE, "ssimGridSide", AlignedPair.GRID_SIDE));
        var report = ReportOutput.report("exhibit compare", options, List.of(o, a), findings, List.of());
        return ReportOutput.emit(report, output, spec.commandLine().getOut());
    }
}
