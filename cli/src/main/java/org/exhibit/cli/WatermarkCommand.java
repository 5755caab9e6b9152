package org.exhibit.cli;

import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.ModelUse;
import org.exhibit.evidence.Region;
import org.exhibit.io.Images;
import org.exhibit.io.Inputs;
import org.exhibit.ocr.Ocr;
import org.exhibit.watermark.MetadataComparison;
import org.exhibit.watermark.WatermarkAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        Region given = region == null ? null : parseRegion(region);
        Exhibit eo = Inputs.open(original, "original", common.limits());
        Exhibit ea = Inputs.open(accused, "accused", common.limits());
        var io = Images.read(original, common.limits());
        var ia = Images.read(accused, common.limits());
        if (given != null && (given.x() < 0 || given.y() < 0 || given.width() <= 0 || given.height() <= 0
                || given.x() + given.width() > io.getWidth() || given.y() + given.height() > io.getHeight())) {
            throw new UsageException("--region " + region + " lies outside the original (" + io.getWidth() + "x"
                    + io.getHeight() + ")");
        }
        List<Finding> findings = new ArrayList<>();
        List<ModelUse> models = new ArrayList<>();
        try (Ocr ocr = Ocr.open()) {
            findings.addAll(WatermarkAnalyzer.analyze(new WatermarkAnalyzer.Side(eo, io),
                    new WatermarkAnalyzer.Side(ea, ia), given, ocr));
            models.addAll(Ocr.models());
        }
        findings.addAll(MetadataComparison.compare(eo, original, ea, accused, ia, common.limits()));
        Map<String, Object> options = new TreeMap<>(Map.of("maxPixels", common.maxPixels,
                "maxFileBytes", common.maxFileBytes));
        if (given != null) {
            options.put("region", given);
        }
        var report = ReportOutput.report("exhibit watermark", options, List.of(eo, ea), findings, models);
        return ReportOutput.emit(report, output, spec.commandLine().getOut());
    }

    static Region parseRegion(String s) {
        String[] p = s.split(",");
        if (p.length != 4) {
            throw new UsageException("--region wants X,Y,W,H, got " + s);
        }
        try {
            return new Region(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()),
                    Integer.parseInt(p[2].trim()), Integer.parseInt(p[3].trim()));
        } catch (NumberFormatException e) {
            throw new UsageException("--region wants four integers X,Y,W,H, got " + s);
        }
    }
}
