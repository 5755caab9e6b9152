package org.exhibit.voice;

/**
 * Speaking rate and pause structure. Syllable nuclei are counted in the manner of de Jong and Wempe (2009,
 * Behavior Research Methods 41(2)): peaks of the smoothed intensity that are voiced, lie within 25 dB of the
 * 95th percentile of voiced speech, and stand at least 2 dB above the dip before them.
 */
public final class Prosody {

    static final double MIN_DIP_DB = 2;
    static final double FLOOR_BELOW_PEAK_DB = 25;
    /** Shorter gaps between speech segments are not counted as pauses. */
    public static final double MIN_PAUSE_SECONDS = 0.15;

    private Prosody() {
    }

    /** Intensity in dB per 10 ms frame, from the mel energies. */
    static double[] intensityDb(double[][] logMel) {
        double[] db = new double[logMel.length];
        for (int f = 0; f < logMel.length; f++) {
            double e = 0;
            for (double v : logMel[f]) {
                e += Math.exp(v);
            }
            db[f] = 10 * Math.log10(e + 1e-12);
        }
        double[] smooth = new double[db.length];
        for (int f = 0; f < db.length; f++) {
            double s = 0;
            int n = 0;
            for (int j = Math.max(0, f - 2); j <= Math.min(db.length - 1, f + 2); j++) {
                s += db[j];
                n++;
            }
            smooth[f] = s / n;
        }
        return smooth;
    }

    public static int syllableNuclei(double[][] logMel, double[] f0, SpeechRegions speech) {
        double[] db = intensityDb(logMel);
        // the reference level is the 95th percentile of voiced speech, so a loud burst or click cannot raise it
        double[] voicedDb = java.util.stream.IntStream.range(0, db.length)
                .filter(f -> f < f0.length && f0[f] > 0 && speech.isSpeech(f * Mfcc.HOP + Mfcc.FRAME / 2))
                .mapToDouble(f -> db[f]).sorted().toArray();
        if (voicedDb.length == 0) {
            return 0;
        }
        double peak = voicedDb[(int) (0.95 * (voicedDb.length - 1))];
        int count = 0;
        double dip = Double.POSITIVE_INFINITY;
        for (int f = 1; f + 1 < db.length; f++) {
            dip = Math.min(dip, db[f]);
            boolean isPeak = db[f] >= db[f - 1] && db[f] > db[f + 1];
            if (!isPeak) {
                continue;
            }
            boolean voiced = f < f0.length && f0[f] > 0;
            if (voiced && db[f] >= peak - FLOOR_BELOW_PEAK_DB && db[f] - dip >= MIN_DIP_DB
                    && speech.isSpeech(f * Mfcc.HOP + Mfcc.FRAME / 2)) {
                count++;
                dip = db[f];
            }
        }
        return count;
    }

    /** Pauses: gaps of at least {@link #MIN_PAUSE_SECONDS} between speech segments, in seconds. */
    public static double[] pauses(SpeechRegions speech) {
        return java.util.Arrays.stream(speech.pauses()).filter(p -> p >= MIN_PAUSE_SECONDS).toArray();
    }
}
