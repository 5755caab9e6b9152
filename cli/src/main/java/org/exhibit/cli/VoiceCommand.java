package org.exhibit.cli;

import org.exhibit.report.TextReportWriter;
import org.exhibit.analysis.Roles;
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

@Command(name = "voice", mixinStandardHelpOptions = true,
        description = "Does a suspect recording point to the person in the reference recordings? Gives the score and "
                + "its place among a population's scores; with --calibration (from 'exhibit voice calibrate', for the "
                + "case's population and conditions) also a likelihood ratio (LR, log10 LR, ENFSI verbal scale). "
                + "States the propositions, the SNR and band of each recording (narrowband inputs are compared in the "
                + "telephone band), and a breakdown of timbre, intonation, tempo and pauses with figures. Reads WAV, "
                + "AIFF, FLAC, MP3 and Ogg Vorbis; other formats through ffmpeg if installed.",
        subcommands = {VoiceScanCommand.class, VoiceCalibrateCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  exhibit voice actor-1.wav actor-2.flac --suspect tts-clip.mp3",
                "  exhibit voice calibrate --population speakers/ --description 'adult male Mandarin speakers' \\",
                "      --conditions 'studio interviews, 16 kHz' --write cal.json",
                "  exhibit voice ref.wav -s call.wav --suspect-channel 2 --start 12 --end 40 --calibration cal.json",
                "  exhibit voice scan ref.wav --corpus downloads/ --format json -o ranking.json",
                "",
                "Without --calibration the finding is at most inconclusive: the build's own calibration population",
                "(synthetic voices) is not relevant to any case."})
class VoiceCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "REFERENCE", description = "Recordings of the known speaker.")
    List<Path> references = new ArrayList<>();

    @Option(names = {"-s", "--suspect"}, arity = "1..*", paramLabel = "SUSPECT",
            description = "Recording(s) to compare with the reference voice.")
    List<Path> suspects = new ArrayList<>();

    @Option(names = "--start", paramLabel = "SECONDS", description = "Analyse each suspect recording from here.")
    Double start;

    @Option(names = "--end", paramLabel = "SECONDS", description = "Analyse each suspect recording up to here.")
    Double end;

    @Option(names = "--reference-start", paramLabel = "SECONDS", description = "Analyse each reference from here.")
    Double referenceStart;

    @Option(names = "--reference-end", paramLabel = "SECONDS", description = "Analyse each reference up to here.")
    Double referenceEnd;

    @Option(names = "--reference-channel", paramLabel = "N",
            description = "Channel (from 1) of multi-channel references whose channels differ; required for them.")
    Integer referenceChannel;

    @Option(names = "--suspect-channel", paramLabel = "N",
            description = "Channel (from 1) of multi-channel suspects whose channels differ; default: each channel "
                    + "is compared and reported on its own.")
    Integer suspectChannel;

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
        if (references.isEmpty() || suspects.isEmpty()) {
            throw new UsageException("give at least one REFERENCE recording and one --suspect recording "
                    + "(or use 'exhibit voice scan')");
        }
        AnalysisRun run = new AnalysisRun("voice", common);
        for (Path p : references) {
            run.require(p, Roles.REFERENCE_VOICE, Roles.REFERENCE_VOICE);
        }
        for (Path p : suspects) {
            run.require(p, Roles.SUSPECT_VOICE, Roles.SUSPECT_VOICE);
        }
        voice.addTo(run);
        run.param("start", start).param("end", end).param("referenceStart", referenceStart)
                .param("referenceEnd", referenceEnd).param("referenceChannel", referenceChannel)
                .param("suspectChannel", suspectChannel);
        Map<String, Object> options = options(common);
        if (start != null || end != null) {
            options.put("suspectWindow", Map.of("start", start == null ? 0 : start, "end", end == null ? 0 : end));
        }
        if (referenceStart != null || referenceEnd != null) {
            options.put("referenceWindow", Map.of("start", referenceStart == null ? 0 : referenceStart,
                    "end", referenceEnd == null ? 0 : referenceEnd));
        }
        return run.emit(run.report("exhibit voice", options), output, spec, TextReportWriter::render);
    }

    static Map<String, Object> options(CommonOptions common) {
        Map<String, Object> o = new TreeMap<>();
        o.put("maxFileBytes", common.maxFileBytes);
        o.put("analysisRateHz", 16000);
        return o;
    }
}
