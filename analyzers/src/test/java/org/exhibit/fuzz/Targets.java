package org.exhibit.fuzz;

import org.exhibit.evidence.Exhibit;
import org.exhibit.io.InputException;
import org.exhibit.io.Inputs;
import org.exhibit.io.Limits;
import org.exhibit.label.LabelAnalyzer;
import org.exhibit.metadata.MetadataInspector;
import org.exhibit.sd.SdMetadata;
import org.exhibit.voice.AudioDecoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The parsers a hostile file reaches, each called as the analyses call it. Contract under test: for any bytes
 * a reader returns a result or throws {@link InputException} (a one-line problem for the user); anything else
 * (a runtime exception, a stack overflow, running out of memory) is a defect.
 */
final class Targets {

    /** Small enough that a fuzzing run spends its time in the parsers, not in decoding large pictures. */
    static final Limits LIMITS = Limits.DEFAULT.withMaxPixels(4_000_000).withMaxFileBytes(16L << 20);

    interface Target {
        void run(Path file) throws Exception;
    }

    static final Target SD = f -> SdMetadata.scan(f, LIMITS);
    static final Target LABELS = f -> LabelAnalyzer.analyze(exhibit(f), f, LIMITS, new LabelAnalyzer.Options(true, null));
    static final Target INSPECT = f -> MetadataInspector.inspect(exhibit(f), f, LIMITS);
    static final Target AUDIO = f -> AudioDecoder.decode(f, exhibit(f).mediaType());

    private Targets() {
    }

    private static Exhibit exhibit(Path f) throws InputException {
        return Inputs.open(f, "input", LIMITS);
    }

    /** Runs {@code t} on {@code bytes} written to {@code file}; an InputException is a correct answer. */
    static void accept(Target t, Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
            t.run(file);
        } catch (InputException expected) {
            // the reader named the problem: that is the contract
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("unexpected checked exception", e);
        }
    }
}
