package org.exhibit.voice;

import org.exhibit.evidence.ModelUse;
import org.exhibit.io.InputException;

import java.util.List;
import java.util.Optional;

/**
 * Turns an analysed clip into a speaker embedding; a comparison's score is the cosine between the suspect's
 * embedding and the normalised mean of the references'. A calibration file names the scorer it was made
 * with ({@link #id()}), and is refused by any other.
 */
public interface SpeakerScorer {

    /** Stable id that changes with the weights: e.g. "classical-backend sha256:…", "onnx sha256:…". */
    String id();

    /** The method in words, for the report. */
    String describe();

    /** Unit-length embedding of a clip's speech. */
    double[] embed(ClipAnalysis clip) throws InputException;

    /** A model file the scorer used, for the report's model list. */
    default Optional<ModelUse> model() {
        return Optional.empty();
    }

    /** Cosine of the suspect's embedding with the normalised mean of the references'. */
    default double score(List<double[]> references, double[] suspect) {
        return cosine(meanDirection(references), suspect);
    }

    static double[] meanDirection(List<double[]> embeddings) {
        int k = embeddings.get(0).length;
        double[] mean = new double[k];
        for (double[] e : embeddings) {
            for (int j = 0; j < k; j++) {
                mean[j] += e[j];
            }
        }
        return unit(mean);
    }

    static double[] unit(double[] v) {
        double n = Math.sqrt(cosine(v, v));
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = n == 0 ? 0 : v[j] / n;
        }
        return out;
    }

    static double cosine(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
