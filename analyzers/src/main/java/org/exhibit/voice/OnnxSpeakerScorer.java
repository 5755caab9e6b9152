package org.exhibit.voice;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exhibit.evidence.Hashing;
import org.exhibit.evidence.ModelUse;
import org.exhibit.io.InputException;
import org.exhibit.models.OnnxModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A speaker-embedding network the user supplies as an ONNX file (WeSpeaker style): speech samples (16 kHz,
 * the comparison's band) → {@link KaldiFbank} (×32768) → per-utterance mean subtraction → the graph's one input
 * [1, T, 80] → its first output, length-normalised. Known public files are listed in {@code speaker-models.json}
 * (recognised by SHA-256); any other file is accepted only when the user states its front end. Nothing is
 * downloaded. This build checks the plumbing (shapes, names, front end) but has measured no accuracy with real
 * weights.
 */
public final class OnnxSpeakerScorer implements SpeakerScorer {

    private final OrtSession session;
    private final String input;
    private final String output;
    private final String sha256;
    private final String name;
    private final String licence;
    private final Path file;

    private OnnxSpeakerScorer(OrtSession session, String input, String output, String sha256, String name,
                              String licence, Path file) {
        this.session = session;
        this.input = input;
        this.output = output;
        this.sha256 = sha256;
        this.name = name;
        this.licence = licence;
        this.file = file;
    }

    /** The registry of known public files (name, where to get it, SHA-256 or "not pinned", licence, front end). */
    public static JsonNode registry() {
        try (InputStream in = OnnxSpeakerScorer.class.getResourceAsStream("speaker-models.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param frontEnd the front end the user states, or null (then the file must be in the registry by hash)
     */
    public static OnnxSpeakerScorer open(Path file, String frontEnd) throws InputException {
        String sha;
        try {
            sha = Hashing.sha256Hex(file);
        } catch (IOException e) {
            throw new InputException(file, "cannot be read: " + e.getMessage(), e);
        }
        JsonNode known = null;
        JsonNode byName = null;
        for (JsonNode m : registry().get("models")) {
            if (m.get("sha256").asText().equalsIgnoreCase(sha)) {
                known = m;
            }
            if (m.get("file").asText().equals(file.getFileName().toString())) {
                byName = m;
            }
        }
        String fe = known != null ? known.get("frontEnd").asText() : frontEnd;
        if (fe == null) {
            throw new InputException(file, "is not a registered speaker model (SHA-256 " + sha + ")"
                    + (byName != null ? "; its name matches '" + byName.get("name").asText() + "', whose hash is "
                    + byName.get("sha256").asText() : "")
                    + "; state its front end with --front-end " + KaldiFbank.NAME + " if it takes 80-dim Kaldi fbank");
        }
        if (!fe.equals(KaldiFbank.NAME)) {
            throw new InputException(file, "needs the front end '" + fe + "', which this build does not have (only "
                    + KaldiFbank.NAME + ")");
        }
        try {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession s = OnnxModel.environment().createSession(file.toString(), options);
            if (s.getInputNames().size() != 1) {
                throw new InputException(file, "has inputs " + s.getInputNames() + "; a speaker model with one "
                        + "input [1, T, 80] is expected");
            }
            Map.Entry<String, NodeInfo> in = s.getInputInfo().entrySet().iterator().next();
            if (!(in.getValue().getInfo() instanceof TensorInfo ti) || ti.getShape().length != 3
                    || (ti.getShape()[2] != KaldiFbank.BINS && ti.getShape()[2] != -1)) {
                throw new InputException(file, "input " + in.getKey() + " is " + in.getValue().getInfo()
                        + "; [1, T, 80] expected");
            }
            String out = s.getOutputNames().iterator().next();
            String label = known != null ? known.get("name").asText() : byName != null
                    ? "unregistered file named like " + byName.get("name").asText() : "unregistered model";
            String lic = known != null ? known.get("licence").asText() : "unknown (user-supplied)";
            return new OnnxSpeakerScorer(s, in.getKey(), out, sha, label, lic, file);
        } catch (OrtException e) {
            throw new InputException(file, "ONNX Runtime cannot load it: " + e.getMessage(), e);
        }
    }

    @Override
    public String id() {
        return "onnx sha256:" + sha256;
    }

    @Override
    public String describe() {
        return name + " (" + file.getFileName() + ", sha256 " + sha256.substring(0, 16) + "…), " + KaldiFbank.NAME
                + " front end with per-utterance mean subtraction, input '" + input + "', output '" + output
                + "'; accuracy with these weights not measured by this build";
    }

    @Override
    public Optional<ModelUse> model() {
        return Optional.of(new ModelUse(name, "user-supplied", sha256, file.toString(), licence));
    }

    /** Embedding of a clip's speech (in the clip's band). */
    @Override
    public double[] embed(ClipAnalysis clip) throws InputException {
        float[] x = Channel.bandPass(clip.pcm().samples(), clip.band());
        List<float[]> parts = new ArrayList<>();
        int total = 0;
        for (int[] seg : clip.speech().segments()) {
            float[] p = java.util.Arrays.copyOfRange(x, seg[0], Math.min(x.length, seg[1]));
            parts.add(p);
            total += p.length;
        }
        float[] speech = new float[total];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, speech, at, p.length);
            at += p.length;
        }
        return embedSamples(speech);
    }

    /** Embedding of 16 kHz samples in [-1, 1]. */
    public double[] embedSamples(float[] speech) throws InputException {
        double[][] feats = KaldiFbank.subtractMean(KaldiFbank.compute(speech));
        int t = feats.length;
        if (t == 0) {
            throw new InputException(file, "too little speech for the speaker model");
        }
        float[] flat = new float[t * KaldiFbank.BINS];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < KaldiFbank.BINS; j++) {
                flat[i * KaldiFbank.BINS + j] = (float) feats[i][j];
            }
        }
        try (OnnxTensor in = OnnxTensor.createTensor(OnnxModel.environment(), FloatBuffer.wrap(flat),
                new long[]{1, t, KaldiFbank.BINS});
             OrtSession.Result r = session.run(Map.of(input, in))) {
            Object v = r.get(output).orElseThrow().getValue();
            float[] e = v instanceof float[][] m ? m[0] : v instanceof float[] f ? f : null;
            if (e == null) {
                throw new InputException(file, "output " + output + " is not a [1, D] float embedding");
            }
            double[] d = new double[e.length];
            for (int i = 0; i < e.length; i++) {
                d[i] = e[i];
            }
            return SpeakerScorer.unit(d);
        } catch (OrtException ex) {
            throw new InputException(file, "ONNX Runtime failed: " + ex.getMessage(), ex);
        }
    }
}
