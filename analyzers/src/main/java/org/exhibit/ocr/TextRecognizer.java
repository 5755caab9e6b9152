package org.exhibit.ocr;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.exhibit.models.OnnxModel;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;

/**
 * PP-OCRv4 text recognition (SVTR + CTC), one line at a time: the line is cut out upright (turned when it is
 * at least 1.5 times taller than wide), resized to height 48 keeping its aspect ratio, scaled to -1..1 and
 * zero-padded to at least 320 px wide (PaddleOCR's resize_norm_img with a batch of one). CTC greedy decoding:
 * best class per step, repeats merged, blanks (class 0) dropped; the confidence is the mean probability of the
 * kept characters.
 */
final class TextRecognizer {

    static final int HEIGHT = 48;
    static final int MIN_WIDTH = 320;
    static final int MAX_WIDTH = 3200;

    private final OnnxModel model;
    private final List<String> keys;

    TextRecognizer(OnnxModel model, List<String> keys) {
        this.model = model;
        this.keys = keys;
    }

    record Reading(String text, double confidence) {
    }

    Reading read(Planes image, Quad box) throws OrtException {
        int cropW = Math.max(1, (int) Math.max(box.topWidth(), box.bottomWidth()));
        int cropH = Math.max(1, (int) Math.max(box.leftHeight(), box.rightHeight()));
        Planes line = image.crop(box, cropW, cropH);
        if ((double) cropH / cropW >= 1.5) {
            line = line.rotate90();
        }
        double ratio = (double) line.width / line.height;
        int padded = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, (int) (HEIGHT * ratio)));
        int width = Math.min(padded, (int) Math.ceil(HEIGHT * ratio));
        Planes resized = line.resize(Math.max(1, width), HEIGHT);
        float[] input = new float[3 * HEIGHT * padded];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < resized.width; x++) {
                    input[(c * HEIGHT + y) * padded + x] = (resized.at(c, x, y) / 255f - 0.5f) / 0.5f;
                }
            }
        }
        try (OnnxTensor x = OnnxTensor.createTensor(OnnxModel.environment(), FloatBuffer.wrap(input),
                new long[]{1, 3, HEIGHT, padded});
             OrtSession.Result result = model.run(Map.of("x", x))) {
            OnnxTensor out = (OnnxTensor) result.get(0);
            long[] shape = out.getInfo().getShape();
            float[] probs = new float[(int) (shape[1] * shape[2])];
            out.getFloatBuffer().get(probs);
            return decode(probs, (int) shape[1], (int) shape[2]);
        }
    }

    /** CTC greedy decoding; classes: 0 blank, 1..keys the key file's characters, the last a space. */
    Reading decode(float[] probs, int steps, int classes) {
        StringBuilder text = new StringBuilder();
        double sum = 0;
        int kept = 0, previous = -1;
        for (int t = 0; t < steps; t++) {
            int best = 0;
            float bestP = probs[t * classes];
            for (int k = 1; k < classes; k++) {
                if (probs[t * classes + k] > bestP) {
                    best = k;
                    bestP = probs[t * classes + k];
                }
            }
            if (best != 0 && best != previous) {
                text.append(best <= keys.size() ? keys.get(best - 1) : " ");
                sum += bestP;
                kept++;
            }
            previous = best;
        }
        return new Reading(text.toString(), kept == 0 ? 0 : sum / kept);
    }
}
