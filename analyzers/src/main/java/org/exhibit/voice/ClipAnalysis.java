package org.exhibit.voice;

import java.util.Arrays;
import java.util.List;

/**
 * Everything measured on one recording at 16 kHz: speech regions, features, pitch, formants, rate and pauses,
 * and the voiceprint the comparison uses.
 *
 * @param pcm        the analysed audio (16 kHz mono)
 * @param speech     where speech is
 * @param logMel     log-mel energies per 10 ms frame
 * @param f0         F0 per 10 ms frame (0 = unvoiced or not speech)
 * @param formants   {F1, F2, F3} per analysed voiced frame
 * @param syllables  syllable nuclei found in the speech
 * @param voiceprint the per-clip statistics vector
 * @param band       the band the features were measured in
 * @param bandwidth  the recording's own bandwidth (sample rate, energy above 3.8 kHz)
 * @param snrDb      estimated signal-to-noise ratio in the analysed band, dB
 */
public record ClipAnalysis(Pcm pcm, SpeechRegions speech, double[][] logMel, double[] f0, List<double[]> formants,
                           int syllables, double[] voiceprint, Channel.Band band, Channel.Bandwidth bandwidth,
                           double snrDb) {

    /** Less speech than this is too little to describe a voice. */
    public static final double MIN_SPEECH_SECONDS = 1.0;

    /** Wideband analysis. */
    public static ClipAnalysis of(Pcm decoded) {
        Pcm pcm = decoded.atAnalysisRate();
        return of(pcm, decoded.sampleRate(), Channel.Band.WIDE, SpeechDetector.detect(pcm.samples()));
    }

    /** The same recording measured in another band (speech regions kept: they were found on the full band). */
    public ClipAnalysis inBand(Channel.Band other) {
        return other == band ? this : of(pcm, bandwidth.sourceRate(), other, speech);
    }

    static ClipAnalysis of(Pcm pcm, int sourceRate, Channel.Band band, SpeechRegions speech) {
        float[] full = pcm.samples();
        double[][] plain = Channel.plainSpectra(full);
        Channel.Bandwidth bandwidth = Channel.bandwidth(sourceRate, plain, speech);
        double snr = Channel.snrDb(Channel.limit(plain, band), speech);
        double[][] power = Channel.limit(Mfcc.powerSpectra(full), band);
        float[] x = Channel.bandPass(full, band);
        double[][] logMel = Mfcc.logMel(power);
        double[] f0 = Yin.track(x, Pcm.ANALYSIS_RATE);
        for (int f = 0; f < f0.length; f++) {
            if (!speech.isSpeech(f * Yin.HOP + Yin.WINDOW / 2)) {
                f0[f] = 0;
            }
        }
        List<double[]> formants = Formants.track(x, Pcm.ANALYSIS_RATE, f0, Yin.HOP, 400);
        int syllables = Prosody.syllableNuclei(logMel, f0, speech);
        double[] vp = Voiceprint.of(logMel, f0, formants, speech);
        return new ClipAnalysis(pcm, speech, logMel, f0, formants, syllables, vp, band, bandwidth, snr);
    }

    public boolean enoughSpeech() {
        return speech.speechSeconds() >= MIN_SPEECH_SECONDS;
    }

    /** Voiced F0 values in Hz. */
    public double[] voicedF0() {
        return Arrays.stream(f0).filter(v -> v > 0).toArray();
    }

    /** Median of formant k (0 = F1) in Hz, 0 when none was measured. */
    public double formantMedian(int k) {
        double[] v = formants.stream().mapToDouble(f -> f[k]).sorted().toArray();
        return v.length == 0 ? 0 : v[v.length / 2];
    }
}
