package org.exhibit.analysis;

import java.util.Map;
import java.util.TreeMap;

/** The parts an exhibit can play in a case; exhibit.yaml may use only these, so a typo cannot silently drop an exhibit. */
public final class Roles {

    public static final String ORIGINAL = "original";
    public static final String ACCUSED = "accused";
    public static final String GENERATION_FOLDER = "generation-folder";
    public static final String REFERENCE_VOICE = "reference-voice";
    public static final String SUSPECT_VOICE = "suspect-voice";
    public static final String OTHER_VOICE = "other-voice";
    public static final String LABELLED = "labelled";
    public static final String UNLABELLED = "unlabelled";
    public static final String MODEL = "model";
    public static final String DOCUMENT = "document";
    public static final String OTHER = "other";
    public static final String VOICE_CALIBRATION = "voice-calibration";
    public static final String SPEAKER_MODEL = "speaker-model";
    /** Files named on the command line without a part in a case; not a manifest role. */
    public static final String INPUT = "input";

    private static final Map<String, String> ALL = new TreeMap<>(Map.ofEntries(
            Map.entry(ORIGINAL, "the work whose authorship or use is claimed (e.g. the AI-generated image as published)"),
            Map.entry(ACCUSED, "the copy the claim is about (e.g. the image found on the defendant's account)"),
            Map.entry(GENERATION_FOLDER, "a creator's output folder: the images of each generation step"),
            Map.entry(REFERENCE_VOICE, "recordings known to be of the person"),
            Map.entry(SUSPECT_VOICE, "the clip said to imitate that person"),
            Map.entry(OTHER_VOICE, "recordings of other speakers (the population a voice comparison is calibrated on)"),
            Map.entry(LABELLED, "AI-generated content as it left the generator, with its AI labels"),
            Map.entry(UNLABELLED, "the same content as found, said to have had its labels removed"),
            Map.entry(MODEL, "a model file (checkpoint, LoRA) named in a generation record"),
            Map.entry(DOCUMENT, "a document filed with the case (screenshots, platform records)"),
            Map.entry(VOICE_CALIBRATION, "a calibration file from 'exhibit voice calibrate' for the case's population and "
                    + "conditions (without one a voice comparison reports no likelihood ratio)"),
            Map.entry(SPEAKER_MODEL, "a speaker-embedding ONNX model the expert supplies"),
            Map.entry(OTHER, "anything else; no analysis reads it")));

    private Roles() {
    }

    public static boolean known(String role) {
        return ALL.containsKey(role);
    }

    /** Role → what it means, sorted. */
    public static Map<String, String> all() {
        return ALL;
    }
}
