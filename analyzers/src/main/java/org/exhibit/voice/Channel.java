package org.exhibit.voice;

import java.util.Arrays;

/**
 * What the recording channel did to a clip: its bandwidth (was it narrowband, i.e. telephone-like, either by
 * its sample rate or because it has next to no energy above 3.8 kHz?) and its signal-to-noise ratio, and the
 * telephone band (300-3400 Hz) that both sides are compared in when either is narrowband.
 */
public final class Channel {

    /** The band a comparison is made in. */
    public enum Band {
        WIDE("wideband (20-7600 Hz)", 20, 7600),
        TELEPHONE("telephone band (300-3400 Hz)", 300, 3400);

        private final String words;
        private final double lowHz;
        private final double highHz;

        Band(String words, double lowHz, double highHz) {
            this.words = words;
            this.lowHz = lowHz;
            this.highHz = highHz;
        }

        public String words() {
            return words;
        }

        public double lowHz() {
            return lowHz;
        }

        public double highHz() {
            return highHz;
        }
    }

    /** A source at or below this rate is narrowband. */
    public static final int NARROWBAND_RATE = 8000;
    /** Energy above 3.8 kHz at least this far below the 300-3400 Hz band counts as negligible. */
    public static final double NEGLIGIBLE_HIGH_BAND_DB = 40;
    /** Below this SNR a comparison claims nothing beyond inconclusive. */
    public static final double MIN_SNR_DB = 10;
    static final double HIGH_BAND_LOW_HZ = 3800;

    private Channel() {
    }

    /**
     * @param sourceRate     sample rate of the file (before resampling to 16 kHz)
     * @param highBandDb     power in 3.8-7.6 kHz relative to 300-3400 Hz over the speech frames, dB
     * @param narrowband     telephone-like: source rate at most 8 kHz or high band negligible
     * @param why            why it is (or is not) narrowband, in words
     */
    public record Bandwidth(int sourceRate, double highBandDb, boolean narrowband, String why) {
    }

    /**
     * Plain power spectra of 16 kHz audio for the channel measures: Hann-windowed 400-sample frames every 160
     * samples, {@link Mfcc#FFT}-point FFT, no pre-emphasis (which would tilt the SNR and the high-band ratio).
     */
    public static double[][] plainSpectra(float[] x) {
        int n = Mfcc.frames(x.length);
        double[][] out = new double[n][];
        org.jtransforms.fft.DoubleFFT_1D fft = new org.jtransforms.fft.DoubleFFT_1D(Mfcc.FFT);
        double[] buf = new double[Mfcc.FFT];
        for (int f = 0; f < n; f++) {
            Arrays.fill(buf, 0);
            for (int i = 0; i < Mfcc.FRAME; i++) {
                buf[i] = x[f * Mfcc.HOP + i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / (Mfcc.FRAME - 1)));
            }
            fft.realForward(buf);
            double[] p = new double[Mfcc.FFT / 2 + 1];
            p[0] = buf[0] * buf[0];
            p[Mfcc.FFT / 2] = buf[1] * buf[1];
            for (int k = 1; k < Mfcc.FFT / 2; k++) {
                p[k] = buf[2 * k] * buf[2 * k] + buf[2 * k + 1] * buf[2 * k + 1];
            }
            out[f] = p;
        }
        return out;
    }

    /** Bandwidth from {@link #plainSpectra} over the frames the speech regions cover. */
    public static Bandwidth bandwidth(int sourceRate, double[][] power, SpeechRegions speech) {
        double low = 0;
        double high = 0;
        for (int f = 0; f < power.length; f++) {
            if (!speech.isSpeech(f * Mfcc.HOP + Mfcc.FRAME / 2)) {
                continue;
            }
            for (int k = 0; k < power[f].length; k++) {
                double hz = k * (double) Pcm.ANALYSIS_RATE / Mfcc.FFT;
                if (hz >= 300 && hz <= 3400) {
                    low += power[f][k];
                } else if (hz >= HIGH_BAND_LOW_HZ && hz <= 7600) {
                    high += power[f][k];
                }
            }
        }
        double db = low <= 0 ? 0 : 10 * Math.log10(Math.max(high, 1e-30) / low);
        if (sourceRate <= NARROWBAND_RATE) {
            return new Bandwidth(sourceRate, db, true, "sampled at " + sourceRate + " Hz");
        }
        if (low > 0 && db < -NEGLIGIBLE_HIGH_BAND_DB) {
            return new Bandwidth(sourceRate, db, true, String.format(java.util.Locale.ROOT,
                    "energy above 3.8 kHz is %.0f dB below the 300-3400 Hz band (telephone or narrowband codec)", -db));
        }
        return new Bandwidth(sourceRate, db, false, String.format(java.util.Locale.ROOT,
                "sampled at %d Hz, energy above 3.8 kHz %.0f dB below the 300-3400 Hz band", sourceRate, -db));
    }

    /** Sets every FFT bin outside the band to zero (an ideal band-pass in the feature domain), in place. */
    public static double[][] limit(double[][] power, Band band) {
        if (band == Band.WIDE) {
            return power;
        }
        for (double[] p : power) {
            for (int k = 0; k < p.length; k++) {
                double hz = k * (double) Pcm.ANALYSIS_RATE / Mfcc.FFT;
                if (hz < band.lowHz() || hz > band.highHz()) {
                    p[k] = 0;
                }
            }
        }
        return power;
    }

    /**
     * Time-domain band-pass for the pitch and formant trackers: FFT over the whole clip, bins outside the band
     * zeroed with 50 Hz raised-cosine edges. The clip is only read.
     */
    public static float[] bandPass(float[] x, Band band) {
        if (band == Band.WIDE || x.length == 0) {
            return x;
        }
        int n = Integer.highestOneBit(Math.max(1, x.length - 1)) << 1;
        double[] buf = new double[n];
        for (int i = 0; i < x.length; i++) {
            buf[i] = x[i];
        }
        org.jtransforms.fft.DoubleFFT_1D fft = new org.jtransforms.fft.DoubleFFT_1D(n);
        fft.realForward(buf);
        double edge = 50;
        for (int k = 0; k <= n / 2; k++) {
            double hz = k * (double) Pcm.ANALYSIS_RATE / n;
            double g;
            if (hz < band.lowHz() - edge || hz > band.highHz() + edge) {
                g = 0;
            } else if (hz < band.lowHz() + edge) {
                g = 0.5 - 0.5 * Math.cos(Math.PI * (hz - band.lowHz() + edge) / (2 * edge));
            } else if (hz > band.highHz() - edge) {
                g = 0.5 - 0.5 * Math.cos(Math.PI * (band.highHz() + edge - hz) / (2 * edge));
            } else {
                g = 1;
            }
            if (k == 0) {
                buf[0] *= g;
            } else if (k == n / 2) {
                buf[1] *= g;
            } else {
                buf[2 * k] *= g;
                buf[2 * k + 1] *= g;
            }
        }
        fft.realInverse(buf, true);
        float[] out = new float[x.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) buf[i];
        }
        return out;
    }

    /**
     * Signal-to-noise ratio in dB: mean power of the speech frames (less the noise) over the noise power: the
     * 10th percentile of all frames' power, or the median of the frames outside speech where that is lower (the
     * detector's speech padding and, in loud noise, its misses would otherwise count speech as noise). Capped
     * at 99 dB (digital silence between words).
     */
    public static double snrDb(double[][] power, SpeechRegions speech) {
        int n = power.length;
        double[] frame = new double[n];
        boolean[] isSpeech = new boolean[n];
        int ns = 0;
        for (int f = 0; f < n; f++) {
            double s = 0;
            for (double v : power[f]) {
                s += v;
            }
            frame[f] = s;
            isSpeech[f] = speech.isSpeech(f * Mfcc.HOP + Mfcc.FRAME / 2);
            ns += isSpeech[f] ? 1 : 0;
        }
        if (ns == 0) {
            return Double.NaN;
        }
        double[] quiet = new double[n - ns];
        double sig = 0;
        for (int f = 0, q = 0; f < n; f++) {
            if (isSpeech[f]) {
                sig += frame[f] / ns;
            } else {
                quiet[q++] = frame[f];
            }
        }
        double[] all = frame.clone();
        Arrays.sort(all);
        double noise = all[all.length / 10];
        if (quiet.length >= 20) {
            Arrays.sort(quiet);
            noise = Math.min(noise, quiet[quiet.length / 2]);
        }
        if (noise <= 0) {
            return 99;
        }
        return Math.min(99, 10 * Math.log10(Math.max(sig - noise, noise * 1e-3) / noise));
    }
}
