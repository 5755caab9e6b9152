package org.exhibit.cli;

import org.exhibit.evidence.Exhibit;
import org.exhibit.io.InputException;
import org.exhibit.io.Inputs;
import org.exhibit.io.Limits;
import org.exhibit.voice.CaseCalibration;
import org.exhibit.voice.Recording;
import org.exhibit.voice.SpeakerScorer;
import org.exhibit.voice.VoiceComparison;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** Options the voice commands share: the case calibration and the speaker-embedding model. */
class VoiceOptions {

    @Option(names = "--calibration", paramLabel = "FILE",
            description = "Calibration file from 'exhibit voice calibrate' for the population and conditions of this "
                    + "case. Without it no likelihood ratio is reported and every verdict is at most inconclusive.")
    Path calibration;

    @Option(names = "--speaker-model", paramLabel = "FILE",
            description = "Speaker-embedding ONNX model you supply (e.g. WeSpeaker ResNet34); nothing is downloaded. "
                    + "Files in the built-in registry are recognised by SHA-256; others need --front-end.")
    Path speakerModel;

    @Option(names = "--front-end", paramLabel = "NAME",
            description = "Front end of an unregistered --speaker-model: kaldi-fbank80 (80-dim Kaldi fbank, "
                    + "25/10 ms, samples ×32768, per-utterance mean subtraction).")
    String frontEnd;

    CaseCalibration loadCalibration(List<Exhibit> exhibits, Limits limits) throws InputException {
        if (calibration == null) {
            return null;
        }
        exhibits.add(Inputs.open(calibration, "calibration", limits));
        return CaseCalibration.read(calibration);
    }

    SpeakerScorer scorer(List<Exhibit> exhibits, Limits limits) throws InputException {
        if (speakerModel == null) {
            if (frontEnd != null) {
                throw new UsageException("--front-end applies only with --speaker-model");
            }
            return null;
        }
        exhibits.add(Inputs.open(speakerModel, "speaker-model", limits));
        return org.exhibit.voice.OnnxSpeakerScorer.open(speakerModel, frontEnd);
    }

    static Recording.Window window(Double start, Double end) {
        if (start != null && start < 0 || end != null && end <= 0) {
            throw new UsageException("--start must be >= 0 and --end > 0 (seconds)");
        }
        if (start != null && end != null && end <= start) {
            throw new UsageException("--end must be after --start");
        }
        return new Recording.Window(start == null ? 0 : start, end == null ? 0 : end);
    }

    static VoiceComparison.Options options(CaseCalibration c, SpeakerScorer s, Recording.Window ref,
                                           Recording.Window sus, Integer refChannel, Integer susChannel) {
        if (refChannel != null && refChannel < 1 || susChannel != null && susChannel < 1) {
            throw new UsageException("channels are numbered from 1");
        }
        return new VoiceComparison.Options(c, s, ref, sus, refChannel == null ? 0 : refChannel,
                susChannel == null ? 0 : susChannel);
    }
}
