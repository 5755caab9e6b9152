package org.exhibit.voice;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Trains a {@link VoiceBackend}: standardisation and LDA on the training speakers, then the calibration on
 * separate calibration speakers' same-speaker and different-speaker trials. Deterministic for a seed.
 * {@code main} writes the backend the build ships:
 * {@code java -cp bench/target/exhibit-bench.jar org.exhibit.voice.BackendTrainer OUT.json}.
 */
public final class BackendTrainer {

    public static final long SEED = 1;
    /** Full-size corpus; the benchmark and tests scale it down. */
    public static final int TRAIN_SPEAKERS = 80;
    public static final int TRAIN_CLIPS = 6;
    public static final int CALIBRATION_SPEAKERS = 40;
    public static final int CALIBRATION_CLIPS = 5;
    static final int MAX_DIMENSIONS = 40;

    private BackendTrainer() {
    }

    public static VoiceBackend train(long seed, double scale) {
        int trainSpeakers = Math.max(6, (int) Math.round(TRAIN_SPEAKERS * scale));
        int calSpeakers = Math.max(4, (int) Math.round(CALIBRATION_SPEAKERS * scale));
        List<SyntheticCorpus.Clip> train = SyntheticCorpus.clips(seed, SyntheticCorpus.TRAIN_FIRST, trainSpeakers,
                TRAIN_CLIPS);
        List<SyntheticCorpus.Clip> cal = SyntheticCorpus.clips(seed, SyntheticCorpus.CALIBRATION_FIRST, calSpeakers,
                CALIBRATION_CLIPS);
        VoiceBackend uncalibrated = fitProjection(train);
        Trials trials = Trials.of(uncalibrated, cal);
        Calibration calibration = Calibration.fit(trials.targets(), trials.nonTargets());
        String what = SyntheticCorpus.describe(seed) + "; projection from " + trainSpeakers + " speakers × "
                + TRAIN_CLIPS + " clips, calibration from " + calSpeakers + " other speakers × " + CALIBRATION_CLIPS
                + " clips";
        VoiceBackend b = new VoiceBackend(uncalibrated.mean(), uncalibrated.scale(), uncalibrated.projection(),
                uncalibrated.centre(), calibration, trials.targets().length, trials.nonTargets().length, what,
                null, null);
        double[] t = java.util.Arrays.stream(trials.targets()).map(b::log10Lr).toArray();
        double[] n = java.util.Arrays.stream(trials.nonTargets()).map(b::log10Lr).toArray();
        return new VoiceBackend(b.mean(), b.scale(), b.projection(), b.centre(), calibration, t.length, n.length,
                what, round(VoiceFigures.quantiles(t, 101)), round(VoiceFigures.quantiles(n, 101)));
    }

    /** Standardisation, LDA (whitened within-speaker scatter, then between-speaker eigenvectors), centring. */
    static VoiceBackend fitProjection(List<SyntheticCorpus.Clip> clips) {
        int d = clips.get(0).voiceprint().length;
        int n = clips.size();
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (SyntheticCorpus.Clip c : clips) {
            for (int i = 0; i < d; i++) {
                mean[i] += c.voiceprint()[i] / n;
            }
        }
        for (SyntheticCorpus.Clip c : clips) {
            for (int i = 0; i < d; i++) {
                double v = c.voiceprint()[i] - mean[i];
                scale[i] += v * v / n;
            }
        }
        for (int i = 0; i < d; i++) {
            scale[i] = Math.sqrt(scale[i]) + 1e-9;
        }
        TreeMap<Integer, List<double[]>> bySpeaker = new TreeMap<>();
        for (SyntheticCorpus.Clip c : clips) {
            double[] z = new double[d];
            for (int i = 0; i < d; i++) {
                z[i] = (c.voiceprint()[i] - mean[i]) / scale[i];
            }
            bySpeaker.computeIfAbsent(c.speaker(), k -> new ArrayList<>()).add(z);
        }
        double[][] sw = new double[d][d];
        double[][] sb = new double[d][d];
        for (List<double[]> group : bySpeaker.values()) {
            double[] mu = new double[d];
            for (double[] z : group) {
                for (int i = 0; i < d; i++) {
                    mu[i] += z[i] / group.size();
                }
            }
            for (double[] z : group) {
                addOuter(sw, z, mu, 1.0 / n);
            }
            addOuter(sb, mu, new double[d], (double) group.size() / n);
        }
        for (int i = 0; i < d; i++) {
            sw[i][i] += 1e-3;
        }
        EigenDecomposition w = new EigenDecomposition(new Array2DRowRealMatrix(sw));
        RealMatrix whiten = w.getV().multiply(diagonal(w.getRealEigenvalues(), -0.5));
        RealMatrix sbWhite = whiten.transpose().multiply(new Array2DRowRealMatrix(sb)).multiply(whiten);
        EigenDecomposition b = new EigenDecomposition(symmetrise(sbWhite));
        double[] values = b.getRealEigenvalues();
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]) != 0
                ? Double.compare(values[y], values[x]) : Integer.compare(x, y));
        int k = Math.min(MAX_DIMENSIONS, Math.min(d, bySpeaker.size() - 1));
        double[][] projection = new double[k][];
        for (int r = 0; r < k; r++) {
            double[] dir = whiten.operate(b.getEigenvector(order[r]).toArray());
            // eigenvector sign is arbitrary: fix it so the same data always give the same file
            int big = 0;
            for (int i = 1; i < d; i++) {
                big = Math.abs(dir[i]) > Math.abs(dir[big]) ? i : big;
            }
            if (dir[big] < 0) {
                for (int i = 0; i < d; i++) {
                    dir[i] = -dir[i];
                }
            }
            projection[r] = dir;
        }
        double[] centre = new double[k];
        VoiceBackend raw = new VoiceBackend(mean, scale, projection, centre, new Calibration(1, 0), 1, 1, "",
                null, null);
        for (SyntheticCorpus.Clip c : clips) {
            double[] z = new double[d];
            for (int i = 0; i < d; i++) {
                z[i] = (c.voiceprint()[i] - mean[i]) / scale[i];
            }
            for (int r = 0; r < k; r++) {
                centre[r] += VoiceBackend.cosine(projection[r], z) / n;
            }
        }
        return raw;
    }

    private static double[] round(double[] v) {
        return java.util.Arrays.stream(v).map(x -> Math.round(x * 1e4) / 1e4).toArray();
    }

    private static void addOuter(double[][] m, double[] a, double[] mu, double w) {
        for (int i = 0; i < a.length; i++) {
            double ai = a[i] - mu[i];
            for (int j = 0; j < a.length; j++) {
                m[i][j] += w * ai * (a[j] - mu[j]);
            }
        }
    }

    private static RealMatrix diagonal(double[] values, double power) {
        double[][] m = new double[values.length][values.length];
        for (int i = 0; i < values.length; i++) {
            m[i][i] = Math.pow(Math.max(values[i], 1e-12), power);
        }
        return new Array2DRowRealMatrix(m);
    }

    private static RealMatrix symmetrise(RealMatrix m) {
        return m.add(m.transpose()).scalarMultiply(0.5);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: BackendTrainer OUT.json");
            System.exit(2);
        }
        VoiceBackend backend = train(SEED, 1.0);
        Files.writeString(Path.of(args[0]), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(backend) + "\n");
    }
}
