package org.exhibit.voice;

import java.util.List;

/**
 * Where speech is, in samples at 16 kHz.
 *
 * @param segments    [start, end) sample ranges, in order, not overlapping
 * @param probability per-frame speech probability
 * @param frame       samples per probability frame
 * @param method      which detector produced them, in words
 */
public record SpeechRegions(List<int[]> segments, double[] probability, int frame, String method) {

    public double speechSeconds() {
        long n = 0;
        for (int[] s : segments) {
            n += s[1] - s[0];
        }
        return n / (double) Pcm.ANALYSIS_RATE;
    }

    /** True when the sample lies in a speech segment. */
    public boolean isSpeech(int sample) {
        for (int[] s : segments) {
            if (sample >= s[0] && sample < s[1]) {
                return true;
            }
        }
        return false;
    }

    /** Gaps between speech segments, in seconds. */
    public double[] pauses() {
        double[] p = new double[Math.max(0, segments.size() - 1)];
        for (int i = 1; i < segments.size(); i++) {
            p[i - 1] = (segments.get(i)[0] - segments.get(i - 1)[1]) / (double) Pcm.ANALYSIS_RATE;
        }
        return p;
    }

    public boolean usedModel() {
        return method.startsWith("Silero");
    }
}
