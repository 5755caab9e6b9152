package org.exhibit.voice;

import org.exhibit.fixtures.SpeechSynth;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Labelled recordings from the synthetic speaker population ({@link SpeechSynth}): each clip a new sentence
 * under new recording conditions (pitch and tempo shift, channel tilt, noise, level, sample rate). Speaker ids
 * in separate ranges keep the training, calibration and evaluation speakers apart.
 */
public final class SyntheticCorpus {

    /** Speaker ids of each part start here, so no speaker is in two parts. */
    public static final int TRAIN_FIRST = 0;
    public static final int CALIBRATION_FIRST = 100_000;
    public static final int EVALUATION_FIRST = 200_000;
    public static final double CLIP_SECONDS = 4;

    private SyntheticCorpus() {
    }

    /** One analysed clip of a known speaker. */
    public record Clip(int speaker, double[] voiceprint, double audioSeconds, double analysisMillis) {
    }

    public static String describe(long seed) {
        return "synthetic source-filter speakers (SpeechSynth, population seed " + seed + "), "
                + (int) CLIP_SECONDS + " s sentences under varied pitch, tempo, channel tilt, noise (SNR 15-45 dB) "
                + "and sample rate";
    }

    /**
     * Synthesises and analyses {@code clipsPerSpeaker} clips for speakers {@code first .. first+speakers-1}.
     * Clips are analysed in parallel; the result is in (speaker, clip) order whatever the thread count.
     */
    public static List<Clip> clips(long seed, int first, int speakers, int clipsPerSpeaker) {
        int n = speakers * clipsPerSpeaker;
        Clip[] out = new Clip[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            int id = first + i / clipsPerSpeaker;
            int take = i % clipsPerSpeaker;
            SpeechSynth.Speaker s = SpeechSynth.speaker(seed, id);
            long clipSeed = seed * 7919 + (long) id * 131 + take;
            SpeechSynth.Conditions c = SpeechSynth.conditions(clipSeed);
            float[] audio = SpeechSynth.utterance(s, clipSeed, CLIP_SECONDS, c);
            long t0 = System.nanoTime();
            ClipAnalysis a = ClipAnalysis.of(new Pcm(audio, c.sampleRate(), 1, "synthetic"));
            double ms = (System.nanoTime() - t0) / 1e6;
            out[i] = new Clip(id, a.voiceprint(), audio.length / (double) c.sampleRate(), ms);
        });
        return new ArrayList<>(List.of(out));
    }
}
