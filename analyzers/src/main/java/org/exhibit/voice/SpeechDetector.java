package org.exhibit.voice;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.exhibit.models.ModelUnavailableException;
import org.exhibit.models.OnnxModel;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds where someone speaks. Silero VAD v5 (ONNX, 32 ms frames at 16 kHz) with the segmentation rules of its
 * reference {@code get_speech_timestamps} (threshold 0.5, release 0.35, minimum speech 250 ms, minimum
 * silence 100 ms, 30 ms padding). When the model file is missing, an energy detector stands in, and the
 * result says so.
 */
public final class SpeechDetector {

    public static final int FRAME = 512;
    private static final int CONTEXT = 64;
    private static final String MODEL = "silero-vad";

    private SpeechDetector() {
    }

    /** Speech regions of 16 kHz audio. */
    public static SpeechRegions detect(float[] x) {
        double[] prob;
        String method;
        try {
            prob = sileroProbabilities(x);
            method = "Silero VAD v5";
        } catch (ModelUnavailableException e) {
            prob = energyProbabilities(x);
            method = "energy VAD (Silero VAD model unavailable: " + e.getMessage() + ")";
        }
        return new SpeechRegions(segments(prob, x.length), prob, FRAME, method);
    }

    static double[] sileroProbabilities(float[] x) throws ModelUnavailableException {
        int frames = x.length / FRAME;
        double[] prob = new double[frames];
        OnnxModel model = model();
        try {
            var env = OnnxModel.environment();
            float[] state = new float[2 * 128];
            float[] window = new float[CONTEXT + FRAME];
            try (OnnxTensor sr = OnnxTensor.createTensor(env, new long[]{Pcm.ANALYSIS_RATE})) {
                for (int f = 0; f < frames; f++) {
                    System.arraycopy(window, FRAME, window, 0, CONTEXT);
                    System.arraycopy(x, f * FRAME, window, CONTEXT, FRAME);
                    try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(window), new long[]{1, CONTEXT + FRAME});
                         OnnxTensor st = OnnxTensor.createTensor(env, FloatBuffer.wrap(state), new long[]{2, 1, 128});
                         OrtSession.Result r = model.run(Map.of("input", input, "state", st, "sr", sr))) {
                        prob[f] = ((float[][]) r.get("output").orElseThrow().getValue())[0][0];
                        float[][][] next = (float[][][]) r.get("stateN").orElseThrow().getValue();
                        for (int i = 0; i < 2; i++) {
                            System.arraycopy(next[i][0], 0, state, i * 128, 128);
                        }
                    }
                }
            }
        } catch (OrtException e) {
            throw new ModelUnavailableException(MODEL, "ONNX Runtime failed: " + e.getMessage());
        }
        return prob;
    }

    private static OnnxModel session;

    /** One session per process: loading costs far more than a clip's frames. */
    private static synchronized OnnxModel model() throws ModelUnavailableException {
        if (session == null) {
            session = OnnxModel.open(MODEL);
        }
        return session;
    }

    /** Frame level against the noise floor and the peak, mapped to [0, 1] so the same segmentation applies. */
    static double[] energyProbabilities(float[] x) {
        int frames = x.length / FRAME;
        double[] db = new double[frames];
        for (int f = 0; f < frames; f++) {
            double e = 1e-12;
            for (int i = 0; i < FRAME; i++) {
                double v = x[f * FRAME + i];
                e += v * v;
            }
            db[f] = 10 * Math.log10(e / FRAME);
        }
        double[] sorted = db.clone();
        java.util.Arrays.sort(sorted);
        double floor = sorted.length == 0 ? 0 : sorted[sorted.length / 10];
        double peak = sorted.length == 0 ? 0 : sorted[sorted.length - 1];
        double threshold = Math.max(floor + 10, peak - 40);
        double[] p = new double[frames];
        for (int f = 0; f < frames; f++) {
            p[f] = 1 / (1 + Math.exp(-(db[f] - threshold)));
        }
        return p;
    }

    /** Hysteresis segmentation in the manner of Silero's get_speech_timestamps. */
    static List<int[]> segments(double[] prob, int length) {
        int minSpeech = 4000;
        int minSilence = 1600;
        int pad = 480;
        List<int[]> out = new ArrayList<>();
        boolean speaking = false;
        int start = 0;
        int silenceStart = -1;
        for (int f = 0; f < prob.length; f++) {
            int at = f * FRAME;
            if (prob[f] >= 0.5) {
                silenceStart = -1;
                if (!speaking) {
                    speaking = true;
                    start = at;
                }
            } else if (speaking && prob[f] < 0.35) {
                if (silenceStart < 0) {
                    silenceStart = at;
                }
                if (at - silenceStart >= minSilence) {
                    if (silenceStart - start >= minSpeech) {
                        out.add(new int[]{start, silenceStart});
                    }
                    speaking = false;
                    silenceStart = -1;
                }
            }
        }
        if (speaking && length - start >= minSpeech) {
            out.add(new int[]{start, silenceStart >= 0 ? silenceStart : length});
        }
        List<int[]> padded = new ArrayList<>();
        for (int[] s : out) {
            int a = Math.max(0, s[0] - pad);
            int b = Math.min(length, s[1] + pad);
            if (!padded.isEmpty() && padded.get(padded.size() - 1)[1] >= a) {
                padded.get(padded.size() - 1)[1] = b;
            } else {
                padded.add(new int[]{a, b});
            }
        }
        return padded;
    }
}
