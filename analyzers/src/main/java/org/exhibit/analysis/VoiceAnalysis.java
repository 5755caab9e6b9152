package org.exhibit.analysis;

import org.exhibit.evidence.Finding;
import org.exhibit.voice.VoiceComparison;
import org.exhibit.voice.VoiceScan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Adapter: does each suspect clip point to the speaker of the reference recordings ({@link VoiceComparison})?
 * Recordings of other speakers, when the bundle has them, are ranked against the references too
 * ({@link VoiceScan}), so the court sees how the suspect's score compares with other people's.
 */
final class VoiceAnalysis implements Analysis {

    @Override
    public String name() {
        return "voice";
    }

    @Override
    public String question() {
        return "Does the suspect recording point to the person heard in the reference recordings?";
    }

    @Override
    public String method() {
        return "Speech is found in each recording (Silero voice activity detection); its timbre (MFCC and formant "
                + "statistics), pitch and rhythm are summarised into a voiceprint; the suspect's voiceprint is "
                + "compared with the references' and the score is placed among a population's scores. A likelihood "
                + "ratio (how much more probable the score is if it is the same person than if it is someone from "
                + "the stated population) is given only with a calibration made for the case's population and "
                + "recording conditions ('exhibit voice calibrate'); without one the finding is inconclusive.";
    }

    @Override
    public String conclusionRule() {
        return "voice.same-speaker";
    }

    @Override
    public Set<String> required() {
        return Set.of(Roles.REFERENCE_VOICE, Roles.SUSPECT_VOICE);
    }

    @Override
    public Set<String> optional() {
        return Set.of(Roles.OTHER_VOICE, Roles.VOICE_CALIBRATION, Roles.SPEAKER_MODEL);
    }

    @Override
    public Set<String> optionalParams() {
        return VoiceInputs.COMPARISON_PARAMS;
    }

    @Override
    public List<Finding> run(AnalysisContext c) throws Exception {
        List<VoiceComparison.Input> refs = inputs(c, Roles.REFERENCE_VOICE);
        List<VoiceComparison.Input> suspects = inputs(c, Roles.SUSPECT_VOICE);
        c.progress("comparing " + suspects.size() + " suspect clip(s) with " + refs.size() + " reference(s)");
        VoiceComparison.Options options = VoiceInputs.options(c);
        VoiceComparison.Result result = VoiceComparison.compare(refs, suspects, options);
        result.models().forEach(c::usedModel);
        List<Finding> out = new ArrayList<>(result.findings());
        if (c.has(Roles.OTHER_VOICE)) {
            List<VoiceComparison.Input> candidates = new ArrayList<>(suspects);
            candidates.addAll(inputs(c, Roles.OTHER_VOICE));
            out.addAll(VoiceScan.scan(refs, candidates, options,
                    (done, total) -> c.progress("ranked " + done + "/" + total)));
        }
        return out;
    }

    static List<VoiceComparison.Input> inputs(AnalysisContext c, String role) {
        return c.inputs(role).stream().map(in -> new VoiceComparison.Input(in.exhibit(), in.path())).toList();
    }
}
