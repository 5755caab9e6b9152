package org.exhibit.cli;

import org.exhibit.evidence.Exhibit;
import org.exhibit.io.Inputs;
import org.exhibit.voice.VoiceComparison;
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
        List<Exhibit> exhibits = new ArrayList<>();
        List<VoiceComparison.Input> refs = open(references, "reference", exhibits);
        List<VoiceComparison.Input> sus = open(suspects, "suspect", exhibits);
        VoiceComparison.Result result = VoiceComparison.compare(refs, sus);
        var report = ReportOutput.report("exhibit voice", options(common), exhibits, result.findings(),
                result.models());
        return ReportOutput.emit(report, output, spec.commandLine().getOut());
    }

    List<VoiceComparison.Input> open(List<Path> files, String role, List<Exhibit> exhibits) throws Exception {
        List<VoiceComparison.Input> out = new ArrayList<>();
        for (Path p : files) {
            Exhibit e = Inputs.open(p, role, common.limits());
            exhibits.add(e);
            out.add(new VoiceComparison.Input(e, p));
        }
        return out;
    }

    static Map<String, Object> options(CommonOptions common) {
        Map<String, Object> o = new TreeMap<>();
        o.put("maxFileBytes", common.maxFileBytes);
        o.put("analysisRateHz", 16000);
        return o;
    }
}
