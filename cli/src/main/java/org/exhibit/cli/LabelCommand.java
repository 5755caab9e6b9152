package org.exhibit.cli;

import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.ModelUse;
import org.exhibit.io.Inputs;
import org.exhibit.label.LabelAnalyzer;
import org.exhibit.models.ModelUnavailableException;
import org.exhibit.ocr.Ocr;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "label", mixinStandardHelpOptions = true,
        description = "Find and explain AI labels: GB 45438-2025 implicit labels in every metadata carrier (with "
                + "field checks and duplicates), IPTC digital source type, C2PA manifests (signer, actions, "
                + "data-hash binding, signature), the Stable Diffusion invisible watermark, and visible labels (OCR). "
                + "Each file gets one status: labelled-compliant, labelled-noncompliant, generated-but-unlabelled, "
                + "label-stripped (with --original) or no-evidence; every flag points at its bytes or pixels.",
        subcommands = {LabelWriteCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  exhibit label image.png clip.mp4 song.mp3",
                "  exhibit label --original from-platform.png --format json reposted.jpg",
                "  exhibit label write picture.png --producer \"Example AI Ltd\" --produce-id 2025-0001 --out labelled.png"})
class LabelCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Files to examine (never modified).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--original", paramLabel = "FILE",
            description = "An earlier version of the files: labels it has that they lack are reported as stripped.")
    Path original;

    @Option(names = "--no-ocr", description = "Do not read visible labels in images (faster).")
    boolean noOcr;

    @Option(names = "--no-watermark", description = "Do not decode the SD invisible watermark.")
    boolean noWatermark;

    @Mixin
    CommonOptions common;

    @Mixin
    OutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (files.isEmpty()) {
            throw new UsageException("give at least one FILE (or use 'exhibit label write')");
        }
        Ocr ocr = null;
        String noOcrReason = null;
        List<ModelUse> models = new ArrayList<>();
        if (!noOcr) {
            try {
                ocr = Ocr.open();
                models.addAll(Ocr.models());
            } catch (ModelUnavailableException e) {
                noOcrReason = "the OCR weights are not available (" + e.getMessage() + ")";
            }
        }
        try {
            LabelAnalyzer.Options options = new LabelAnalyzer.Options(!noWatermark, ocr, noOcrReason);
            List<Exhibit> exhibits = new ArrayList<>();
            List<Finding> findings = new ArrayList<>();
            Exhibit originalExhibit = null;
            LabelAnalyzer.Result originalResult = null;
            if (original != null) {
                originalExhibit = Inputs.open(original, "original", common.limits());
                exhibits.add(originalExhibit);
                originalResult = LabelAnalyzer.analyze(originalExhibit, original, common.limits(), options);
                findings.addAll(originalResult.findings());
                findings.add(LabelAnalyzer.status(originalExhibit, originalResult.marks(), null, null));
            }
            for (Path file : files) {
                Exhibit e = Inputs.open(file, original == null ? "input" : "suspect", common.limits());
                exhibits.add(e);
                LabelAnalyzer.Result r = LabelAnalyzer.analyze(e, file, common.limits(), options);
                findings.addAll(r.findings());
                findings.add(LabelAnalyzer.status(e, r.marks(), originalResult == null ? null : originalResult.marks(),
                        originalExhibit));
            }
            Map<String, Object> opts = new LinkedHashMap<>();
            opts.put("maxPixels", common.maxPixels);
            opts.put("maxFileBytes", common.maxFileBytes);
            opts.put("ocr", ocr != null);
            opts.put("watermark", !noWatermark);
            var report = ReportOutput.report("exhibit label", opts, exhibits, findings, models);
            return ReportOutput.emit(report, output, spec.commandLine().getOut());
        } finally {
            if (ocr != null) {
                ocr.close();
            }
        }
    }
}
