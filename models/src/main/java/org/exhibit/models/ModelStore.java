package org.exhibit.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where fetched weights live on this machine, and the only code that knows it. The build's fetch step
 * writes them; at run time they are only read, and each is hash-checked once per process before first use.
 * Folder: system property {@code exhibit.models.dir}, else environment {@code EXHIBIT_MODELS_DIR}, else
 * {@code ~/.cache/exhibit/models}.
 */
public final class ModelStore {

    private static final Map<String, Path> VERIFIED = new ConcurrentHashMap<>();

    private ModelStore() {
    }

    public static Path root() {
        String prop = System.getProperty("exhibit.models.dir");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("EXHIBIT_MODELS_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "exhibit", "models");
    }

    /** Where a model's file is stored (whether or not it is there yet). */
    public static Path location(ModelSpec spec) {
        return root().resolve(spec.name() + "-" + spec.version()).resolve(spec.fileName());
    }

    /** True when the file is present with the pinned size (the hash is checked on {@link #path}). */
    public static boolean isPresent(ModelSpec spec) {
        Path p = location(spec);
        try {
            return Files.isRegularFile(p) && Files.size(p) == spec.size();
        } catch (IOException e) {
            return false;
        }
    }

    /** The verified file of a registered model; throws {@link ModelUnavailableException} when absent or altered. */
    public static Path path(String name) throws ModelUnavailableException {
        ModelSpec spec = ModelRegistry.builtIn().get(name);
        Path p = location(spec);
        if (VERIFIED.containsKey(p.toString())) {
            return p;
        }
        if (!Files.isRegularFile(p)) {
            throw new ModelUnavailableException(name, "not fetched: run ./setup (or mvn package) to fetch it into "
                    + root());
        }
        try {
            String actual = sha256(p);
            if (!actual.equals(spec.sha256())) {
                throw new ModelUnavailableException(name, p + " has SHA-256 " + actual + ", pinned "
                        + spec.sha256() + ": delete it and run ./setup again");
            }
        } catch (IOException e) {
            throw new ModelUnavailableException(name, "cannot read " + p + ": " + e.getMessage());
        }
        VERIFIED.put(p.toString(), p);
        return p;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
