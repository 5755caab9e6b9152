package org.exhibit.voice;

import org.exhibit.evidence.Hashing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The classical voiceprint (MFCC/F0/formant statistics) through the shipped {@link VoiceBackend}'s LDA. */
public final class ClassicalScorer implements SpeakerScorer {

    private static ClassicalScorer shipped;

    private final VoiceBackend backend;
    private final String id;

    public ClassicalScorer(VoiceBackend backend, String id) {
        this.backend = backend;
        this.id = id;
    }

    /** The build's backend, identified by the SHA-256 of its backend.json. */
    public static synchronized ClassicalScorer shipped() {
        if (shipped == null) {
            try (InputStream in = VoiceBackend.class.getResourceAsStream("backend.json")) {
                if (in == null) {
                    throw new IllegalStateException("voice backend.json missing from the build");
                }
                shipped = new ClassicalScorer(VoiceBackend.shipped(), "classical-backend sha256:"
                        + Hashing.sha256Hex(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shipped;
    }

    public VoiceBackend backend() {
        return backend;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String describe() {
        return "classical voiceprint (MFCC c1-c19 and delta statistics, log F0, formants; 81 values), global "
                + "standardisation, LDA, cosine (backend: " + backend.trainedOn() + ")";
    }

    @Override
    public double[] embed(ClipAnalysis clip) {
        return backend.embed(clip.voiceprint());
    }
}
