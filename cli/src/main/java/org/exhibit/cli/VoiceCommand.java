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
        description = "Does a suspect recording point to the person in the reference recordings? Gives a likelihood "
                + "ratio (LR, log10 LR, verbal scale) from MFCC/F0/formant statistics with a trained projection and "
                + "calibration, and a breakdown of timbre, intonation, tempo and pauses with spectrogram and F0 "
                + "figures. Reads WAV, AIFF, FLAC, MP3 and Ogg Vorbis; other formats through ffmpeg if installed.",
        subcommands = {VoiceScanCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  exhibit voice actor-1.wav actor-2.flac --suspect tts-clip.mp3",
                "  exhibit voice ref.wav -s a.wav -s b.wav --report-dir case-12/",
                "  exhibit voice scan ref.wav --corpus downloads/ --format json -o ranking.json",
                "",
                "The calibration was trained on synthetic voices: the LR is not validated on real speech."})
class VoiceCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "REFERENCE", description = "Recordings of the known speaker.")
    List<Path> references = new ArrayList<>();

    @Option(names = {"-s", "--suspect"}, arity = "1..*", paramLabel = "SUSPECT",
            description = "Recording(s) to compare with the reference voice.")
    List<Path> suspects = new ArrayList<>();

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
        return run.emit(run.report("exhibit voice", options(common)), output, spec, TextReportWriter::render);
    }

    static Map<String, Object> options(CommonOptions common) {
        Map<String, Object> o = new TreeMap<>();
        o.put("maxFileBytes", common.maxFileBytes);
        o.put("analysisRateHz", 16000);
        return o;
    }
}
