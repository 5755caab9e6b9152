package org.exhibit.io;

import org.apache.tika.Tika;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Hashing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Turns a path the user gave into an {@link Exhibit}: checks it is a readable regular file within the size
 * limit, hashes it, detects its type by content. Files are only ever opened for reading.
 */
public final class Inputs {

    private static final Tika TIKA = new Tika();

    private Inputs() {
    }

    public static Exhibit open(Path path, String role, Limits limits) throws InputException {
        checkReadableFile(path, limits);
        try {
            String sha = Hashing.sha256Hex(path);
            long size = Files.size(path);
            return new Exhibit(displayPath(path), sha, size, detect(path), role);
        } catch (IOException e) {
            throw new InputException(path, "cannot read: " + e.getMessage(), e);
        }
    }

    public static void checkReadableFile(Path path, Limits limits) throws InputException {
        if (!Files.exists(path)) {
            throw new InputException(path, "no such file");
        }
        if (Files.isDirectory(path)) {
            throw new InputException(path, "is a directory, expected a file");
        }
        if (!Files.isRegularFile(path)) {
            throw new InputException(path, "is not a regular file");
        }
        if (!Files.isReadable(path)) {
            throw new InputException(path, "permission denied");
        }
        try {
            long size = Files.size(path);
            if (size == 0) {
                throw new InputException(path, "is empty (0 bytes)");
            }
            if (size > limits.maxFileBytes()) {
                throw new InputException(path, "is " + size + " bytes, over the limit of " + limits.maxFileBytes());
            }
        } catch (NoSuchFileException e) {
            throw new InputException(path, "no such file");
        } catch (IOException e) {
            throw new InputException(path, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Media type from the content (magic bytes) first, the name only as a tie-breaker. */
    public static String detect(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return TIKA.detect(new java.io.BufferedInputStream(in), path.getFileName().toString());
        }
    }

    /** The path as the report shows it: as given, normalised, with forward slashes on every platform. */
    public static String displayPath(Path path) {
        return path.normalize().toString().replace('\\', '/');
    }
}
