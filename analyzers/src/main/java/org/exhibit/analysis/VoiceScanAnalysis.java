package org.exhibit.analysis;

import org.exhibit.evidence.Finding;
import org.exhibit.voice.VoiceComparison;
import org.exhibit.voice.VoiceScan;

import java.util.List;
import java.util.Set;

/**
 * Screening ({@link VoiceScan}): every candidate recording ranked by its score against the reference voice.
 * Runs only when asked (the CLI's {@code voice scan}, or a manifest step): a case's own comparison is
 * {@link VoiceAnalysis}.
 */
final class VoiceScanAnalysis implements Analysis {

    @Override
    public String name() {
        return "voice-scan";
    }

    @Override
    public String question() {
        return "Which of the collected recordings sound most like the person in the reference recordings?";
    }

    @Override
    public String method() {
        return "Each candidate recording is compared with the reference voice as in the voice comparison and the "
                + "candidates are ranked by their likelihood ratio; files that are not audio or hold too little speech "
                + "are listed as skipped. A ranking selects recordings for a full comparison; it is not one.";
    }

    @Override
    public String conclusionRule() {
        return "voice.scan";
    }

    @Override
    public Set<String> required() {
        return Set.of(Roles.REFERENCE_VOICE, Roles.OTHER_VOICE);
    }

    @Override
    public Set<String> optional() {
        return Set.of(Roles.VOICE_CALIBRATION, Roles.SPEAKER_MODEL);
    }

    @Override
    public Set<String> optionalParams() {
        return Set.of(VoiceInputs.FRONT_END);
    }

    @Override
    public boolean applies(Set<String> roles) {
        return false; // screening is asked for, never implied by a case's roles
    }

    @Override
    public List<Finding> run(AnalysisContext c) throws Exception {
        VoiceComparison.vadModels().forEach(c::usedModel);
        return VoiceScan.scan(VoiceAnalysis.inputs(c, Roles.REFERENCE_VOICE), VoiceAnalysis.inputs(c, Roles.OTHER_VOICE),
                VoiceInputs.options(c), (done, total) -> c.progress("scanned " + done + "/" + total));
    }
}
