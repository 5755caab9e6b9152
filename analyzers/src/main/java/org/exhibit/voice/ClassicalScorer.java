package org.exhibit.voice;

import org.exhibit.evidence.Hashing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The classical voiceprint (MFCC/F0/formant statistics) through an LDA {@link VoiceBackend}: the shipped
 * wideband one for wideband comparisons, and the telephone-band one (same recipe, every training clip measured in
 * 300-3400 Hz) for clips measured in the telephone band.
 */
public final class ClassicalScorer implements SpeakerScorer {

    private static ClassicalScorer shipped;

    private final VoiceBackend wide;
    private final VoiceBackend telephone;
    private final String id;

    public ClassicalScorer(VoiceBackend wide, VoiceBackend telephone, String id) {
        this.wide = wide;
        this.telephone = telephone;
        this.id = id;
    }

    /** The build's backends, identified by the SHA-256 of their JSON files. */
    public static synchronized ClassicalScorer shipped() {
        if (shipped == null) {
            shipped = new ClassicalScorer(VoiceBackend.shipped(), VoiceBackend.telephone(), "classical-backend sha256:"
                    + sha("backend.json") + " telephone sha256:" + sha(VoiceBackend.TELEPHONE_RESOURCE));
        }
        return shipped;
    }

    private static String sha(String resource) {
        try (InputStream in = VoiceBackend.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("voice " + resource + " missing from the build");
            }
            return Hashing.sha256Hex(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The wideband backend. */
    public VoiceBackend backend() {
        return wide;
    }

    public VoiceBackend backend(Channel.Band band) {
        return band == Channel.Band.TELEPHONE ? telephone : wide;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String describe() {
        return "classical voiceprint (MFCC c1-c19 and delta statistics, log F0, formants; 81 values), global "
                + "standardisation, LDA, cosine (wideband backend: " + wide.trainedOn() + "; telephone-band backend: "
                + telephone.trainedOn() + ")";
    }

    @Override
    public double[] embed(ClipAnalysis clip) {
        return backend(clip.band()).embed(clip.voiceprint());
    }
}
