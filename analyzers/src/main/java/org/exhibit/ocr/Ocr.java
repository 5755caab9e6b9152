package org.exhibit.ocr;

import ai.onnxruntime.OrtException;
import org.exhibit.evidence.Method;
import org.exhibit.evidence.ModelUse;
import org.exhibit.models.ModelRegistry;
import org.exhibit.models.ModelSpec;
import org.exhibit.models.ModelStore;
import org.exhibit.models.ModelUnavailableException;
import org.exhibit.models.OnnxModel;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Optical character recognition of Chinese and Latin text with PaddleOCR's PP-OCRv4 detection and recognition
 * networks (the ONNX exports RapidOCR ships), run by ONNX Runtime on one thread so results repeat exactly.
 * No angle classifier: text is assumed upright (lines much taller than wide are turned a quarter).
 *
 * <pre>
 * try (Ocr ocr = Ocr.open()) {
 *     for (TextLine line : ocr.read(image)) { ... }
 * }
 * </pre>
 */
public final class Ocr implements AutoCloseable {

    /** Lines the recogniser is less sure of than this are dropped, as RapidOCR's text_score does. */
    public static final double MIN_CONFIDENCE = 0.5;

    public static final Method METHOD = new Method("PP-OCRv4 text detection (DB) and recognition (SVTR, CTC)", "1",
            "PaddleOCR PP-OCRv4 (Du et al., PP-OCR, arXiv:2009.09941); pre/post-processing as RapidOCR's "
                    + "rapidocr_onnxruntime (DBPostProcess, resize_norm_img, CTC greedy decoding)");

    private static final List<String> MODELS = List.of("ppocr-v4-det", "ppocr-v4-rec", "ppocr-keys");

    private final OnnxModel det;
    private final OnnxModel rec;
    private final TextDetector detector;
    private final TextRecognizer recognizer;

    private Ocr(OnnxModel det, OnnxModel rec, List<String> keys) {
        this.det = det;
        this.rec = rec;
        this.detector = new TextDetector(det);
        this.recognizer = new TextRecognizer(rec, keys);
    }

    /** Opens both networks; throws when the build has not fetched them or a file no longer matches its pin. */
    public static Ocr open() throws ModelUnavailableException {
        List<String> keys;
        try {
            keys = List.of(Files.readString(ModelStore.path("ppocr-keys"), StandardCharsets.UTF_8)
                    .replace("\r", "").split("\n", -1));
        } catch (IOException e) {
            throw new ModelUnavailableException("ppocr-keys", "unreadable: " + e.getMessage());
        }
        OnnxModel det = OnnxModel.open("ppocr-v4-det");
        try {
            return new Ocr(det, OnnxModel.open("ppocr-v4-rec"), keys);
        } catch (ModelUnavailableException e) {
            closeQuietly(det);
            throw e;
        }
    }

    /** True when the OCR weights are on this machine (without verifying their hashes). */
    public static boolean available() {
        return MODELS.stream().allMatch(n -> ModelStore.isPresent(ModelRegistry.builtIn().get(n)));
    }

    /** The weights OCR results rest on, for a report's model list. */
    public static List<ModelUse> models() {
        List<ModelUse> uses = new ArrayList<>();
        for (String name : MODELS) {
            ModelSpec s = ModelRegistry.builtIn().get(name);
            uses.add(new ModelUse(s.name(), s.version(), s.sha256(), s.source().describe(), s.licence()));
        }
        return uses;
    }

    /** Every line of text found, in reading order, with its recogniser confidence and box. */
    public List<TextLine> read(BufferedImage image) {
        return read(image, TextDetector.MIN_SIDE);
    }

    /**
     * As {@link #read(BufferedImage)}, with the detector's image enlarged only until its short side reaches
     * {@code detectionMinSide} (RapidOCR uses 736). A smaller value is faster on thin strips of a picture whose
     * text is already large enough to detect.
     */
    public List<TextLine> read(BufferedImage image, int detectionMinSide) {
        Planes planes = Planes.of(image);
        try {
            List<TextLine> lines = new ArrayList<>();
            for (Quad box : detector.detect(planes, detectionMinSide)) {
                TextRecognizer.Reading r = recognizer.read(planes, box);
                if (!r.text().isBlank() && r.confidence() >= MIN_CONFIDENCE) {
                    lines.add(new TextLine(r.text(), r.confidence(), box.bounds()));
                }
            }
            return lines;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on a " + image.getWidth() + "x" + image.getHeight()
                    + " image: " + e.getMessage(), e);
        }
    }

    /** Lines in reading order: top to bottom, and left to right among lines whose tops differ by under 10 px. */
    public static List<TextLine> readingOrder(List<TextLine> lines) {
        List<TextLine> sorted = new ArrayList<>(lines);
        sorted.sort(java.util.Comparator.comparingInt((TextLine l) -> l.box().y()).thenComparingInt(l -> l.box().x()));
        for (int i = 0; i < sorted.size() - 1; i++) {
            for (int j = i; j >= 0; j--) {
                TextLine a = sorted.get(j), b = sorted.get(j + 1);
                if (Math.abs(b.box().y() - a.box().y()) < 10 && b.box().x() < a.box().x()) {
                    sorted.set(j, b);
                    sorted.set(j + 1, a);
                } else {
                    break;
                }
            }
        }
        return sorted;
    }

    @Override
    public void close() {
        closeQuietly(det);
        closeQuietly(rec);
    }

    private static void closeQuietly(OnnxModel m) {
        try {
            m.close();
        } catch (OrtException ignored) {
            // closing a session frees native memory; a failure here leaves nothing to recover
        }
    }
}
