package org.exhibit.voice;

import org.exhibit.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plumbing of --speaker-model with a tiny graph that has a WeSpeaker model's signature (feats [1, T, 80] →
 * embs [1, 16]; scripts/voice/tiny_speaker_model.py). It proves the front end, shapes and names, not accuracy.
 */
class OnnxSpeakerScorerTest {

    @TempDir
    Path dir;

    private Path model() throws Exception {
        Path p = dir.resolve("tiny-speaker.onnx");
        try (InputStream in = getClass().getResourceAsStream("tiny-speaker.onnx")) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    @Test
    void unregisteredModelNeedsItsFrontEndStated() throws Exception {
        Path p = model();
        InputException e = assertThrows(InputException.class, () -> OnnxSpeakerScorer.open(p, null));
        assertTrue(e.problem().contains("--front-end kaldi-fbank80"), e.problem());
        InputException other = assertThrows(InputException.class, () -> OnnxSpeakerScorer.open(p, "nemo-mel80"));
        assertTrue(other.problem().contains("does not have"), other.problem());
    }

    @Test
    void embeddingIsTheGraphAppliedToMeanNormalisedKaldiFbank() throws Exception {
        OnnxSpeakerScorer s = OnnxSpeakerScorer.open(model(), KaldiFbank.NAME);
        short[] sig = KaldiFbankTest.signal(8000);
        float[] x = new float[sig.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = sig[i] / 32768f;
        }
        double[] got = s.embedSamples(x);
        // expected: mean over frames of (fbank - mean)^2, times W, unit length
        double[][] f = KaldiFbank.subtractMean(KaldiFbank.compute(x));
        double[] pooled = new double[80];
        for (double[] row : f) {
            for (int j = 0; j < 80; j++) {
                pooled[j] += row[j] * row[j] / f.length;
            }
        }
        double[] want = new double[16];
        for (int j = 0; j < 16; j++) {
            for (int i = 0; i < 80; i++) {
                want[j] += pooled[i] * (Math.floorMod(31 * i + 17 * j, 13) - 6) / 6.0;
            }
        }
        want = SpeakerScorer.unit(want);
        assertEquals(16, got.length);
        for (int j = 0; j < 16; j++) {
            assertEquals(want[j], got[j], 1e-4, "dimension " + j);
        }
        assertTrue(s.id().startsWith("onnx sha256:"), s.id());
        assertTrue(s.describe().contains("not measured"), s.describe());
    }

    @Test
    void registryListsWhereToGetEachModelAndItsFrontEnd() {
        var models = OnnxSpeakerScorer.registry().get("models");
        assertTrue(models.size() >= 4);
        for (var m : models) {
            for (String k : new String[]{"name", "where", "sha256", "licence", "frontEnd"}) {
                assertTrue(m.hasNonNull(k), m + " lacks " + k);
            }
        }
    }
}
