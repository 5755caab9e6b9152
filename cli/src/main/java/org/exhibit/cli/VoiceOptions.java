package org.exhibit.cli;

import org.exhibit.analysis.Roles;
import org.exhibit.evidence.Exhibit;
import org.exhibit.io.InputException;
import org.exhibit.io.Inputs;
import org.exhibit.io.Limits;
import org.exhibit.voice.SpeakerScorer;
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

    /** The calibration and the model are inputs of the analysis (hashed into the report); the front end a parameter. */
    void addTo(AnalysisRun run) throws InputException {
        checkFrontEnd();
        if (calibration != null) {
            run.require(calibration, Roles.VOICE_CALIBRATION, Roles.VOICE_CALIBRATION);
        }
        if (speakerModel != null) {
            run.require(speakerModel, Roles.SPEAKER_MODEL, Roles.SPEAKER_MODEL);
        }
        run.param("frontEnd", frontEnd);
    }

    /** The scorer 'voice calibrate' fits with (it makes a calibration file; it analyses no case exhibit). */
    SpeakerScorer scorer(List<Exhibit> exhibits, Limits limits) throws InputException {
        checkFrontEnd();
        if (speakerModel == null) {
            return null;
        }
        exhibits.add(Inputs.open(speakerModel, Roles.SPEAKER_MODEL, limits));
        return org.exhibit.voice.OnnxSpeakerScorer.open(speakerModel, frontEnd);
    }

    private void checkFrontEnd() {
        if (frontEnd != null && speakerModel == null) {
            throw new UsageException("--front-end applies only with --speaker-model");
        }
    }
}
