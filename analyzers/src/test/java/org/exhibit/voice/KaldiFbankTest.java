package org.exhibit.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KaldiFbankTest {

    /** The integer-only test signal of scripts/voice/kaldi_fbank_reference.py, sample for sample. */
    static short[] signal(int n) {
        short[] out = new short[n];
        long state = 12345;
        for (int i = 0; i < n; i++) {
            long saw = Math.floorMod((long) i * 220 * 65536 / 16000, 65536) - 32768;
            long square = Math.floorMod((long) i * 2 * 1330 / 16000, 2) == 0 ? 6000 : -6000;
            state = Math.floorMod(state * 1103515245L + 12345, 2147483648L);
            long noise = Math.floorMod(state >> 16, 4096) - 2048;
            long env = i % 4000 < 2000 ? i % 4000 : 4000 - i % 4000;
            long v = Math.floorDiv(Math.floorDiv(saw, 4) * env, 2000) + Math.floorDiv(square * (2000 - env), 2000)
                    + noise;
            out[i] = (short) Math.max(-32768, Math.min(32767, v));
        }
        return out;
    }

    @Test
    void matchesTorchaudioKaldiFbank() throws Exception {
        JsonNode ref;
        try (InputStream in = getClass().getResourceAsStream("kaldi-fbank-reference.json")) {
            ref = new ObjectMapper().readTree(in);
        }
        short[] s = signal(ref.get("samples").asInt());
        for (int i = 0; i < 8; i++) {
            assertEquals(ref.get("firstSamples").get(i).asInt(), s[i], "test signal sample " + i);
        }
        float[] x = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            x[i] = s[i] / 32768f;
        }
        double[][] f = KaldiFbank.compute(x);
        assertEquals(ref.get("numFrames").asInt(), f.length);
        double worst = 0;
        for (int k = 0; k < ref.get("frames").size(); k++) {
            int frame = ref.get("frames").get(k).asInt();
            for (int m = 0; m < KaldiFbank.BINS; m++) {
                double want = ref.get("values").get(k).get(m).asDouble();
                worst = Math.max(worst, Math.abs(want - f[frame][m]));
                assertEquals(want, f[frame][m], 1e-4, "frame " + frame + " bin " + m);
            }
        }
        System.out.println("kaldi fbank: largest difference from torchaudio " + worst);
    }
}
