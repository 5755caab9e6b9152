package org.exhibit.cli;

import org.exhibit.report.TextReportWriter;
import org.exhibit.analysis.Roles;
import org.exhibit.io.InputException;
import org.exhibit.io.Inputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        AnalysisRun run = new AnalysisRun("voice-scan", common);
        for (Path p : references) {
            run.require(p, Roles.REFERENCE_VOICE, Roles.REFERENCE_VOICE);
        }
        List<BatchInputs.Item> candidates = files(corpus).stream()
                .map(p -> new BatchInputs.Item(p, Inputs.displayPath(p), null)).toList();
        run.each(candidates, Roles.OTHER_VOICE, Roles.OTHER_VOICE);
        voice.addTo(run);
        var err = spec.commandLine().getErr();
        run.progress((step, message) -> {
            if (!quiet && message.startsWith("scanned ")) {
                String[] n = message.substring(8).split("/");
                err.print("\r" + message + (n[0].equals(n[1]) ? "\n" : ""));
                err.flush();
            }
        });
        return run.emit(run.report("exhibit voice scan", VoiceCommand.options(common)), output, spec,
                TextReportWriter::render);
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
