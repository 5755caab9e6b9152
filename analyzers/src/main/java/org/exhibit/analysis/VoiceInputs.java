package org.exhibit.analysis;

import org.exhibit.voice.CaseCalibration;
import org.exhibit.voice.OnnxSpeakerScorer;
import org.exhibit.voice.Recording;
import org.exhibit.voice.SpeakerScorer;
import org.exhibit.voice.VoiceComparison;

import java.util.Set;

/**
 * What a voice comparison or scan takes besides the recordings, the same from the CLI and from a bundle: a case
 * calibration and a speaker-embedding model as inputs (each hashed into the report), and the parts of the
 * recordings and the channels as parameters.
 */
final class VoiceInputs {

    static final String FRONT_END = "frontEnd";
    static final String START = "start";
    static final String END = "end";
    static final String REFERENCE_START = "referenceStart";
    static final String REFERENCE_END = "referenceEnd";
    static final String CHANNEL = "suspectChannel";
    static final String REFERENCE_CHANNEL = "referenceChannel";

    /** The comparison's parameters; a scan takes only the front end. */
    static final Set<String> COMPARISON_PARAMS = Set.of(FRONT_END, START, END, REFERENCE_START, REFERENCE_END, CHANNEL,
            REFERENCE_CHANNEL);

    private VoiceInputs() {
    }

    static VoiceComparison.Options options(AnalysisContext c) throws Exception {
        CaseCalibration calibration = c.has(Roles.VOICE_CALIBRATION)
                ? CaseCalibration.read(c.input(Roles.VOICE_CALIBRATION).path()) : null;
        SpeakerScorer scorer = null;
        Object frontEnd = c.optionalParam(FRONT_END);
        if (c.has(Roles.SPEAKER_MODEL)) {
            scorer = OnnxSpeakerScorer.open(c.input(Roles.SPEAKER_MODEL).path(), frontEnd == null ? null : frontEnd.toString());
        } else if (frontEnd != null) {
            throw new ParameterException("a front end applies only with a speaker model");
        }
        return new VoiceComparison.Options(calibration, scorer,
                window(c, REFERENCE_START, REFERENCE_END), window(c, START, END),
                channel(c, REFERENCE_CHANNEL), channel(c, CHANNEL));
    }

    private static Recording.Window window(AnalysisContext c, String startKey, String endKey) throws ParameterException {
        Double start = seconds(c, startKey);
        Double end = seconds(c, endKey);
        if (start != null && start < 0 || end != null && end <= 0) {
            throw new ParameterException(startKey + " must be >= 0 and " + endKey + " > 0 (seconds)");
        }
        if (start != null && end != null && end <= start) {
            throw new ParameterException(endKey + " must be after " + startKey);
        }
        return start == null && end == null ? Recording.Window.WHOLE
                : new Recording.Window(start == null ? 0 : start, end == null ? 0 : end);
    }

    private static Double seconds(AnalysisContext c, String key) {
        Object v = c.optionalParam(key);
        return v == null ? null : ((Number) v).doubleValue();
    }

    private static int channel(AnalysisContext c, String key) throws ParameterException {
        Object v = c.optionalParam(key);
        if (v == null) {
            return 0;
        }
        int n = ((Number) v).intValue();
        if (n < 1) {
            throw new ParameterException("channels are numbered from 1");
        }
        return n;
    }

}
