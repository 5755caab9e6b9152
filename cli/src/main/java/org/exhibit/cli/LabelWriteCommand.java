package org.exhibit.cli;

import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Hashing;
import org.exhibit.io.InputException;
import org.exhibit.io.Inputs;
import org.exhibit.label.AigcLabel;
import org.exhibit.label.Carriers;
import org.exhibit.label.LabelAnalyzer;
import org.exhibit.label.LabelWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "write", mixinStandardHelpOptions = true,
        description = "Write a GB 45438-2025 implicit label into a COPY of FILE (the input is never changed), then "
                + "read the copy back and report what a reader finds. PNG: iTXt AIGC; JPEG, WebP, WAV: XMP "
                + "TC260:AIGC; MP3: ID3v2 TXXX AIGC; MP4/MOV: moov.udta.meta AIGC.",
        footerHeading = "%nExamples:%n",
        footer = {"  exhibit label write picture.png --producer \"Example AI Ltd\" --produce-id 2025-0001 --out labelled.png",
                "  exhibit label write clip.mp4 --producer 91110000XXXXXXXX --label 1 --out clip-labelled.mp4"})
class LabelWriteCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to copy (never modified).")
    Path file;

    @Option(names = "--producer", required = true, paramLabel = "NAME",
            description = "ContentProducer: the generating service's name or code.")
    String producer;

    @Option(names = "--produce-id", paramLabel = "ID",
            description = "ProduceID: the content's number. Default: sha256: and the input's hash.")
    String produceId;

    @Option(names = "--label", paramLabel = "1|2|3", description = "Label: 1 generated, 2 possibly, 3 suspected. "
            + "Default: ${DEFAULT-VALUE}.")
    String label = "1";

    @Option(names = "--propagator", paramLabel = "NAME", description = "ContentPropagator (a platform passing it on).")
    String propagator;

    @Option(names = "--propagate-id", paramLabel = "ID", description = "PropagateID (the platform's number for it).")
    String propagateId;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "NEW",
            description = "Where to write the labelled copy (must not exist yet).")
    Path labelOut;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Read-back report format on standard output: text, json, html. Default: ${DEFAULT-VALUE}.")
    OutputOptions.Format format = OutputOptions.Format.text;

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "Also write report.json, report.html, report.pdf into DIR.")
    Path reportDir;

    @Mixin
    CommonOptions common;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Exhibit in = Inputs.open(file, "input", common.limits());
        if (Files.exists(labelOut)) {
            throw new UsageException(labelOut + ": exists; the labelled copy must go to a new file");
        }
        String id = produceId != null ? produceId : "sha256:" + in.sha256();
        String json = AigcLabel.json(label, producer, id, propagator, propagateId);
        AigcLabel check = AigcLabel.parse(json);
        if (!check.compliant()) {
            throw new UsageException("the label would not comply: " + check.problems().get(0).problem());
        }
        LabelAnalyzer.Result before = LabelAnalyzer.analyze(in, file, common.limits(), new LabelAnalyzer.Options(false, null));
        if (!before.marks().implicitLabels.isEmpty()) {
            throw new InputException(file, "already carries an implicit label ("
                    + before.marks().implicitLabels.get(0).description() + "); GB 45438 allows one per file");
        }
        LabelWriter.Written w = LabelWriter.write(file, json);
        Files.write(labelOut, w.bytes(), StandardOpenOption.CREATE_NEW);
        Exhibit outEx = Inputs.open(labelOut, "labelled copy", common.limits());
        LabelAnalyzer.Result after = LabelAnalyzer.analyze(outEx, labelOut, common.limits(),
                new LabelAnalyzer.Options(false, null));
        List<Finding> findings = new ArrayList<>(after.findings());
        findings.add(LabelAnalyzer.status(outEx, after.marks(), null, null));
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("carrier", w.carrier());
        opts.put("format", Carriers.format(java.util.Arrays.copyOf(w.bytes(), 16)));
        opts.put("inputSha256Unchanged", Hashing.sha256Hex(file).equals(in.sha256()));
        var report = ReportOutput.report("exhibit label write", opts, List.of(in, outEx), findings, List.of());
        OutputOptions output = new OutputOptions();
        output.format = format;
        output.reportDir = reportDir;
        return ReportOutput.emit(report, output, spec.commandLine().getOut());
    }
}
