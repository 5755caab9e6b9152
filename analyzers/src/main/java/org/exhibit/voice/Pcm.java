package org.exhibit.voice;

/**
 * Decoded mono audio.
 *
 * @param samples        mono samples in [-1, 1]
 * @param sampleRate     Hz
 * @param sourceChannels channels in the file before averaging
 * @param decoder        which decoder read it, for the report
 */
public record Pcm(float[] samples, int sampleRate, int sourceChannels, String decoder) {

    /** Every analysis runs at 16 kHz, the rate the VAD and the features are defined for. */
    public static final int ANALYSIS_RATE = 16000;

    public double seconds() {
        return samples.length / (double) sampleRate;
    }

    /** This audio at the analysis rate (a copy when it is already there). */
    public Pcm atAnalysisRate() {
        if (sampleRate == ANALYSIS_RATE) {
            return this;
        }
        return new Pcm(Resampler.resample(samples, sampleRate, ANALYSIS_RATE), ANALYSIS_RATE, sourceChannels,
                decoder + ", resampled " + sampleRate + "→" + ANALYSIS_RATE + " Hz (Kaiser windowed sinc)");
    }
}
