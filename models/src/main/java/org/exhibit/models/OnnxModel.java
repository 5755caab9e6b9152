package org.exhibit.models;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.util.Map;
import java.util.Set;

/**
 * A thin ONNX Runtime session over a registered, hash-verified weight file. Single-threaded intra-op so
 * results do not depend on the core count (float reductions in another order give other last bits).
 */
public final class OnnxModel implements AutoCloseable {

    private final ModelSpec spec;
    private final OrtSession session;

    private OnnxModel(ModelSpec spec, OrtSession session) {
        this.spec = spec;
        this.session = session;
    }

    public static OnnxModel open(String name) throws ModelUnavailableException {
        ModelSpec spec = ModelRegistry.builtIn().get(name);
        String path = ModelStore.path(name).toString();
        try {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            return new OnnxModel(spec, environment().createSession(path, options));
        } catch (OrtException e) {
            throw new ModelUnavailableException(name, "ONNX Runtime cannot load it: " + e.getMessage());
        }
    }

    public static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment();
    }

    public ModelSpec spec() {
        return spec;
    }

    public Set<String> inputNames() {
        return session.getInputNames();
    }

    public Set<String> outputNames() {
        return session.getOutputNames();
    }

    /** Runs the graph; the caller closes the result (and the input tensors it made). */
    public OrtSession.Result run(Map<String, OnnxTensor> inputs) throws OrtException {
        return session.run(inputs);
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
