package org.exhibit.ocr;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.exhibit.models.OnnxModel;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;

/**
 * PP-OCRv4 text detection (DB): resize so the short side is at least 736 px (RapidOCR's limit_type "min"),
 * both sides rounded to multiples of 32, BGR scaled to 0..1 and normalised with ImageNet mean and std; the
 * probability map goes to {@link DbPostProcess}. Unlike RapidOCR the long side is capped at {@link #MAX_SIDE}
 * so a huge photo cannot exhaust memory.
 */
final class TextDetector {

    static final int MIN_SIDE = 736;
    static final int MAX_SIDE = 2560;
    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    private final OnnxModel model;

    TextDetector(OnnxModel model) {
        this.model = model;
    }

    List<Quad> detect(Planes image, int minSide) throws OrtException {
        int w = image.width, h = image.height;
        double ratio = Math.min(w, h) < minSide ? (double) minSide / Math.min(w, h) : 1.0;
        if (Math.max(w, h) * ratio > MAX_SIDE) {
            ratio = (double) MAX_SIDE / Math.max(w, h);
        }
        int rw = Math.max(32, (int) Math.rint((int) (w * ratio) / 32.0) * 32);
        int rh = Math.max(32, (int) Math.rint((int) (h * ratio) / 32.0) * 32);
        Planes resized = image.resize(rw, rh);
        float[] input = new float[3 * rw * rh];
        int plane = rw * rh;
        for (int c = 0; c < 3; c++) {
            float[] src = resized.bgr[c];
            for (int i = 0; i < plane; i++) {
                input[c * plane + i] = (src[i] / 255f - MEAN[c]) / STD[c];
            }
        }
        try (OnnxTensor x = OnnxTensor.createTensor(OnnxModel.environment(), FloatBuffer.wrap(input),
                new long[]{1, 3, rh, rw});
             OrtSession.Result result = model.run(Map.of("x", x))) {
            float[] prob = new float[plane];
            ((OnnxTensor) result.get(0)).getFloatBuffer().get(prob);
            return DbPostProcess.boxes(prob, rw, rh, w, h);
        }
    }
}
