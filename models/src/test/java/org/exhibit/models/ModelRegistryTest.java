package org.exhibit.models;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.Test;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelRegistryTest {

    @Test
    void everyRegisteredModelWasFetchedWithItsPinnedHash() throws Exception {
        assertFalse(ModelRegistry.builtIn().all().isEmpty());
        for (ModelSpec spec : ModelRegistry.builtIn().all()) {
            Path p = ModelStore.path(spec.name());
            assertEquals(spec.size(), Files.size(p), spec.name());
            assertEquals(spec.sha256(), ModelStore.sha256(p), spec.name());
        }
    }

    @Test
    void sileroVadRunsAndCallsSilenceNotSpeech() throws Exception {
        try (OnnxModel vad = OnnxModel.open("silero-vad")) {
            assertTrue(vad.inputNames().contains("input"));
            var env = OnnxModel.environment();
            try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.allocate(576), new long[]{1, 576});
                 OnnxTensor state = OnnxTensor.createTensor(env, FloatBuffer.allocate(256), new long[]{2, 1, 128});
                 OnnxTensor sr = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[]{16000}), new long[]{});
                 OrtSession.Result out = vad.run(Map.of("input", input, "state", state, "sr", sr))) {
                float p = ((float[][]) out.get("output").orElseThrow().getValue())[0][0];
                assertTrue(p >= 0 && p < 0.1, "speech probability of silence: " + p);
            }
        }
    }

    @Test
    void alteredWeightFileIsRefused(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String old = System.getProperty("exhibit.models.dir");
        try {
            System.setProperty("exhibit.models.dir", dir.toString());
            ModelSpec spec = ModelRegistry.builtIn().get("ppocr-keys");
            Path p = ModelStore.location(spec);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "not the keys");
            var e = assertThrows(ModelUnavailableException.class, () -> ModelStore.path("ppocr-keys"));
            assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty("exhibit.models.dir");
            } else {
                System.setProperty("exhibit.models.dir", old);
            }
        }
    }
}
