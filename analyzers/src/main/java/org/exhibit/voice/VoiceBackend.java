package org.exhibit.voice;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The trained part of the comparison: global standardisation of the voiceprint (CMVN over the training set),
 * an LDA projection that keeps the directions separating speakers and shrinks those that vary within one
 * speaker across recordings, centring and length normalisation, cosine scoring, and the logistic-regression
 * calibration to a likelihood ratio. Trained by {@code BackendTrainer} (module bench); the shipped one is
 * {@code backend.json} beside this class.
 *
 * @param mean               training mean of each voiceprint dimension
 * @param scale              training standard deviation of each dimension
 * @param projection         LDA rows (k × dimension)
 * @param centre             training mean after projection
 * @param calibration        score → ln LR
 * @param targetTrials       same-speaker calibration trials
 * @param nonTargetTrials    different-speaker calibration trials
 * @param trainedOn          what it was trained and calibrated on, in words
 * @param targetLog10Lr      101 quantiles of the calibration set's same-speaker log10 LRs (Tippett plot)
 * @param nonTargetLog10Lr   101 quantiles of its different-speaker log10 LRs
 */
@JsonPropertyOrder({"trainedOn", "targetTrials", "nonTargetTrials", "calibration", "targetLog10Lr",
        "nonTargetLog10Lr", "mean", "scale", "centre", "projection"})
public record VoiceBackend(double[] mean, double[] scale, double[][] projection, double[] centre,
                           Calibration calibration, int targetTrials, int nonTargetTrials, String trainedOn,
                           double[] targetLog10Lr, double[] nonTargetLog10Lr) {

    private static final String RESOURCE = "backend.json";
    static final String TELEPHONE_RESOURCE = "backend-telephone.json";
    private static VoiceBackend shipped;
    private static VoiceBackend telephone;

    /** The telephone-band backend this build ships (scripts/voice/RetrainExperiment.java). */
    public static synchronized VoiceBackend telephone() {
        if (telephone == null) {
            telephone = read(TELEPHONE_RESOURCE);
        }
        return telephone;
    }

    private static VoiceBackend read(String resource) {
        try (InputStream in = VoiceBackend.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("voice " + resource + " missing from the build");
            }
            return new ObjectMapper().readValue(in, VoiceBackend.class);
        } catch (IOException e) {
            throw new UncheckedIOException("voice " + resource + " unreadable", e);
        }
    }

    /** The backend this build ships (trained on the synthetic corpus). */
    public static synchronized VoiceBackend shipped() {
        if (shipped == null) {
            shipped = read(RESOURCE);
        }
        return shipped;
    }

    /** Projected, centred, unit-length embedding of a voiceprint. */
    public double[] embed(double[] voiceprint) {
        double[] z = new double[voiceprint.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = (voiceprint[i] - mean[i]) / scale[i];
        }
        double[] y = new double[projection.length];
        double norm = 0;
        for (int r = 0; r < projection.length; r++) {
            double s = 0;
            for (int i = 0; i < z.length; i++) {
                s += projection[r][i] * z[i];
            }
            y[r] = s - centre[r];
            norm += y[r] * y[r];
        }
        norm = Math.sqrt(norm);
        for (int r = 0; r < y.length; r++) {
            y[r] = norm == 0 ? 0 : y[r] / norm;
        }
        return y;
    }

    /** Cosine similarity of two voiceprints in the projected space. */
    public double score(double[] voiceprintA, double[] voiceprintB) {
        return cosine(embed(voiceprintA), embed(voiceprintB));
    }

    static double cosine(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * log10 LR of a score. The calibration cannot support more evidence than its own trials can show, so the
     * value is bounded by log10 of the number of calibration trials that could have contradicted it: support
     * for "same speaker" by the different-speaker trials, support for "different speakers" by the same-speaker
     * trials (in the spirit of the empirical lower and upper bounds of Vergeer et al., 2016).
     */
    public double log10Lr(double score) {
        double l = calibration.lnLr(score) / Math.log(10);
        return Math.max(-Math.log10(targetTrials), Math.min(Math.log10(nonTargetTrials), l));
    }
}
