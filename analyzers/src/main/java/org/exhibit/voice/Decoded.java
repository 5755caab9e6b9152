package org.exhibit.voice;

import java.util.List;

/**
 * Decoded audio, every channel kept.
 *
 * @param channels   samples per channel in [-1, 1], all of one length
 * @param sampleRate Hz, as in the file
 * @param decoder    which decoder read it, for the report
 * @param warnings   what the decoder noticed (e.g. a truncated stream), in words
 */
public record Decoded(float[][] channels, int sampleRate, String decoder, List<String> warnings) {

    public int frames() {
        return channels.length == 0 ? 0 : channels[0].length;
    }

    /** The average of the channels. */
    public Pcm downmix() {
        int n = frames();
        float[] mono = new float[n];
        for (float[] ch : channels) {
            for (int i = 0; i < n; i++) {
                mono[i] += ch[i];
            }
        }
        for (int i = 0; i < n; i++) {
            mono[i] /= channels.length;
        }
        return new Pcm(mono, sampleRate, channels.length, decoder);
    }

    /** One channel (0-based) as mono. */
    public Pcm channel(int c) {
        return new Pcm(channels[c], sampleRate, channels.length, decoder + ", channel " + (c + 1) + " of "
                + channels.length);
    }

    /**
     * Whether the channels carry different content: true when, for some channel, the residual after the best
     * scaled copy of channel 1 holds more than 1 % of its power (−20 dB), i.e. it is not a copy, a
     * level-shifted copy or a near-copy of the first. Silent channels count as different only if the other
     * is not silent too.
     */
    public boolean channelsDiffer() {
        if (channels.length < 2) {
            return false;
        }
        float[] a = channels[0];
        double aa = 0;
        for (float v : a) {
            aa += v * (double) v;
        }
        for (int c = 1; c < channels.length; c++) {
            float[] b = channels[c];
            double bb = 0, ab = 0;
            for (int i = 0; i < b.length; i++) {
                bb += b[i] * (double) b[i];
                ab += a[i] * (double) b[i];
            }
            if (aa < 1e-9 && bb < 1e-9) {
                continue;
            }
            if (aa < 1e-9 || bb < 1e-9) {
                return true;
            }
            double residual = bb - ab * ab / aa; // power of b not explained by g·a
            if (residual > 0.01 * bb) {
                return true;
            }
        }
        return false;
    }

    /** The part from start to end seconds (end ≤ 0: to the end). */
    public Decoded part(double start, double end) {
        int n = frames();
        int a = (int) Math.min(n, Math.max(0, Math.round(start * sampleRate)));
        int b = end > 0 ? (int) Math.min(n, Math.round(end * sampleRate)) : n;
        b = Math.max(a, b);
        float[][] out = new float[channels.length][];
        for (int c = 0; c < channels.length; c++) {
            out[c] = java.util.Arrays.copyOfRange(channels[c], a, b);
        }
        return new Decoded(out, sampleRate, decoder, warnings);
    }
}
