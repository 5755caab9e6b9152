package org.exhibit.cli;

import org.exhibit.evidence.Exhibit;
import org.exhibit.io.InputException;
import org.exhibit.io.Inputs;
import org.exhibit.voice.Channel;
import org.exhibit.voice.VoiceCalibrator;
import org.exhibit.voice.VoiceComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Fits the score-to-likelihood-ratio calibration for a population you describe: POPULATION "
                + "holds one folder per speaker with several recordings each. Every pair of recordings is a trial; "
                + "a logistic regression maps score to LR. Reports leave-one-speaker-out cross-validated Cllr, "
                + "minCllr (PAV) and EER with 95%% intervals (bootstrap over speakers; Clopper-Pearson on the EER "
                + "counts), error rates at LR 1, 10, 100, and a Tippett plot; writes the calibration file (JSON) "
                + "that 'exhibit voice --calibration' uses and whose SHA-256 its reports cite.",
        footerHeading = "%nExamples:%n",
        footer = {"  exhibit voice calibrate --population speakers/ --description 'adult women, Mandarin' \\",
                "      --conditions 'mobile phone calls, 8 kHz, 20-60 s' --write cal.json --report-dir cal-report/"})
class VoiceCalibrateCommand implements Callable<Integer> {

    @Option(names = "--population", required = true, paramLabel = "DIR",
            description = "One sub-folder per speaker, each with two or more recordings of that speaker.")
    Path population;

    @Option(names = "--description", required = true, paramLabel = "TEXT",
            description = "Who the population is (sex, age, language, accent, ...): Hd's 'different speaker'.")
    String description;

    @Option(names = "--conditions", required = true, paramLabel = "TEXT",
            description = "How the recordings were made (channel, device, codec, length, speaking style).")
    String conditions;

    @Option(names = "--write", required = true, paramLabel = "FILE", description = "Calibration file to write.")
    Path write;

    @Option(names = "--band", paramLabel = "BAND",
            description = "wide, telephone or auto (telephone when any recording is narrowband). Default: auto.")
    String band = "auto";

    @Option(names = "--min-snr", paramLabel = "DB",
            description = "Recordings below this SNR get no claim beyond inconclusive. Default: ${DEFAULT-VALUE}.")
    double minSnr = Channel.MIN_SNR_DB;

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
        if (!Files.isDirectory(population)) {
            throw new InputException(population, "is not a folder");
        }
        if (voice.calibration != null) {
            throw new UsageException("--calibration does not apply to 'voice calibrate' (it writes one: --write)");
        }
        if (description.isBlank() || conditions.isBlank()) {
            throw new UsageException("--description and --conditions must say who and how");
        }
        Channel.Band b = switch (band) {
            case "auto" -> null;
            case "wide" -> Channel.Band.WIDE;
            case "telephone" -> Channel.Band.TELEPHONE;
            default -> throw new UsageException("--band is wide, telephone or auto, not '" + band + "'");
        };
        List<Exhibit> exhibits = new ArrayList<>();
        List<VoiceCalibrator.Member> members = new ArrayList<>();
        for (Path speaker : speakers(population)) {
            for (Path f : VoiceScanCommand.files(speaker)) {
                Exhibit e = Inputs.open(f, "population:" + speaker.getFileName(), common.limits());
                exhibits.add(e);
                members.add(new VoiceCalibrator.Member(speaker.getFileName().toString(),
                        new VoiceComparison.Input(e, f)));
            }
        }
        Path target = write.toAbsolutePath().normalize();
        for (Exhibit e : exhibits) {
            if (Path.of(e.path()).toAbsolutePath().normalize().equals(target)) {
                throw new UsageException("--write names an input: " + write);
            }
        }
        var scorer = voice.scorer(exhibits, common.limits());
        VoiceCalibrator.Result r = VoiceCalibrator.calibrate(population, members,
                new VoiceCalibrator.Options(description, conditions, b, scorer, minSnr));
        if (write.toAbsolutePath().getParent() != null) {
            Files.createDirectories(write.toAbsolutePath().getParent());
        }
        Files.write(write, r.json());
        spec.commandLine().getErr().println("wrote " + write + " (sha256 " + r.sha256() + ")");
        Map<String, Object> options = new TreeMap<>(VoiceCommand.options(common));
        options.put("population", population.toString());
        options.put("calibrationFile", write.toString());
        options.put("calibrationSha256", r.sha256());
        var report = ReportOutput.report("exhibit voice calibrate", options, exhibits, r.findings(),
                scorer == null ? org.exhibit.voice.VoiceComparison.vadModels() : List.of());
        return ReportOutput.emit(report, output, spec.commandLine().getOut());
    }

    static List<Path> speakers(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }
}
