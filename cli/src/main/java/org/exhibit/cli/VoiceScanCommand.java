package org.exhibit.cli;

import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.io.InputException;
import org.exhibit.io.Inputs;
import org.exhibit.voice.VoiceComparison;
import org.exhibit.voice.VoiceScan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Screening: score every recording under a folder against the reference voice and rank them, "
                + "highest score first (likelihood ratios only with --calibration). Files that are not readable audio, or hold under 1 s of "
                + "speech, are listed as skipped. Progress goes to standard error.",
        footerHeading = "%nExamples:%n",
        footer = {"  exhibit voice scan actor.wav --corpus collected-clips/",
                "  exhibit voice scan a.wav b.wav --corpus clips/ --format json -o ranking.json"})
class VoiceScanCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "REFERENCE", description = "Recordings of the known speaker.")
    List<Path> references;

    @Option(names = "--corpus", required = true, paramLabel = "DIR",
            description = "Folder whose files (recursively) are scored.")
    Path corpus;

    @Option(names = "--quiet", description = "No progress on standard error.")
    boolean quiet;

    @Mixin
    VoiceOptions voice;

    @Mixin
    CommonOptions common;

    @Mixin
    OutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(corpus)) {
            throw new InputException(corpus, "is not a folder");
        }
        List<Exhibit> exhibits = new ArrayList<>();
        List<VoiceComparison.Input> refs = new ArrayList<>();
        for (Path p : references) {
            Exhibit e = Inputs.open(p, "reference", common.limits());
            exhibits.add(e);
            refs.add(new VoiceComparison.Input(e, p));
        }
        List<VoiceComparison.Input> candidates = new ArrayList<>();
        for (Path p : files(corpus)) {
            Exhibit e = Inputs.open(p, "candidate", common.limits());
            exhibits.add(e);
            candidates.add(new VoiceComparison.Input(e, p));
        }
        var err = spec.commandLine().getErr();
        var o = VoiceOptions.options(voice.loadCalibration(exhibits, common.limits()),
                voice.scorer(exhibits, common.limits()), org.exhibit.voice.Recording.Window.WHOLE,
                org.exhibit.voice.Recording.Window.WHOLE, null, null);
        List<Finding> findings = VoiceScan.scan(refs, candidates, o, (done, total) -> {
            if (!quiet) {
                err.print("\rscanned " + done + "/" + total + (done.equals(total) ? "\n" : ""));
                err.flush();
            }
        });
        var report = ReportOutput.report("exhibit voice scan", VoiceCommand.options(common), exhibits, findings,
                VoiceComparison.vadModels());
        return ReportOutput.emit(report, output, spec.commandLine().getOut());
    }

    /** Regular files under the folder, in path order, skipping hidden ones. */
    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }
}
