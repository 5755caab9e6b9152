package org.exhibit.ocr;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** CTC greedy decoding as PaddleOCR's CTCLabelDecode does it: merge repeats, drop blanks, last class a space. */
class CtcDecodeTest {

    /** One step whose best class is {@code k} with probability {@code p}; the rest share what is left. */
    private static float[] step(int k, float p, int classes) {
        float[] s = new float[classes];
        java.util.Arrays.fill(s, (1 - p) / (classes - 1));
        s[k] = p;
        return s;
    }

    @Test
    void mergesRepeatsDropsBlanksAndMapsTheLastClassToASpace() {
        int classes = 4; // blank, "a", "b", space
        int[] best = {1, 1, 0, 1, 2, 3, 3, 2, 0};
        float[] probs = new float[best.length * classes];
        for (int t = 0; t < best.length; t++) {
            System.arraycopy(step(best[t], t == 0 ? 0.6f : 0.9f, classes), 0, probs, t * classes, classes);
        }
        TextRecognizer.Reading r = new TextRecognizer(null, List.of("a", "b")).decode(probs, best.length, classes);
        assertEquals("aab b", r.text());
        // kept steps 0, 3, 4, 5, 7: (0.6 + 4 × 0.9) / 5
        assertEquals(0.84, r.confidence(), 1e-6);
    }

    @Test
    void allBlankIsEmptyWithZeroConfidence() {
        float[] probs = new float[3 * 4];
        for (int t = 0; t < 3; t++) {
            probs[t * 4] = 1f;
        }
        TextRecognizer.Reading r = new TextRecognizer(null, List.of("a", "b")).decode(probs, 3, 4);
        assertEquals("", r.text());
        assertEquals(0.0, r.confidence());
    }
}
