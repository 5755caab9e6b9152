package org.exhibit.cli;

import org.exhibit.analysis.Roles;
import org.exhibit.evidence.Report;
import org.exhibit.report.TextReportWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
                "  exhibit label --trust c2pa-anchors.pem --format json signed.jpg",
                "  exhibit label write picture.png --producer \"Example AI Ltd\" --produce-id 2025-0001 --out labelled.png"})
class LabelCommand implements Callable<Integer> {

    @Mixin
    BatchInputs inputs;

    @Option(names = "--original", paramLabel = "FILE",
            description = "An earlier version of the files: labels it has that they lack are reported as stripped.")
    Path original;

    @Option(names = "--no-ocr", description = "Do not read visible labels in images (faster).")
    boolean noOcr;

    @Option(names = "--no-watermark", description = "Do not decode the SD invisible watermark.")
    boolean noWatermark;

    @Option(names = "--trust", paramLabel = "PEM",
            description = "C2PA trust anchors, a PEM certificate file (repeat for more): a signer whose chain reaches one is reported "
                    + "signingCredential.trusted, otherwise untrusted; without it, signer trust is not checked.")
    List<Path> trust;

    @Mixin
    CommonOptions common;

    @Mixin
    OutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (inputs.isEmpty()) {
            throw new UsageException("give at least one FILE (or -r FOLDER, or --files-from LIST; "
                    + "or use 'exhibit label write')");
        }
        AnalysisRun run = new AnalysisRun("labels", common).param("ocr", !noOcr).param("watermark", !noWatermark);
        if (trust != null) {
            run.param("trust", trust.stream().map(Path::toString).toList());
        }
        if (original != null) {
            run.require(original, Roles.LABELLED, "original");
        }
        run.each(inputs.items(common.maxFileBytes), original == null ? Roles.INPUT : Roles.UNLABELLED,
                original == null ? "input" : "suspect");
        Map<String, Object> opts = run.limitOptions();
        Report report = run.report("exhibit label", opts);
        opts.put("ocr", !report.models().isEmpty());
        opts.put("watermark", !noWatermark);
        report = report.withOptions(opts);
        return run.emit(report, output, spec, TextReportWriter::render);
    }
}
