package org.exhibit.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Extracts a zip archive into a folder while refusing path traversal ("../", absolute names), too many
 * entries, and more inflated bytes than the limits allow. Never overwrites an existing file.
 */
public final class SafeZip {

    private SafeZip() {
    }

    public static List<Path> extract(Path zip, Path target, Limits limits) throws InputException {
        List<Path> written = new ArrayList<>();
        Path root = target.toAbsolutePath().normalize();
        long total = 0;
        try (InputStream raw = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(raw)) {
            Files.createDirectories(root);
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (written.size() >= limits.maxArchiveEntries()) {
                    throw new InputException(zip, "more than " + limits.maxArchiveEntries() + " entries");
                }
                Path dest = root.resolve(e.getName()).normalize();
                if (!dest.startsWith(root) || e.getName().startsWith("/") || e.getName().contains("\\")) {
                    throw new InputException(zip, "entry '" + e.getName() + "' would be written outside "
                            + "the target folder (path traversal)");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(dest);
                    continue;
                }
                Files.createDirectories(dest.getParent());
                try (OutputStream out = Files.newOutputStream(dest, StandardOpenOption.CREATE_NEW)) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        total += n;
                        if (total > limits.maxInflatedBytes()) {
                            throw new InputException(zip, "inflates past " + limits.maxInflatedBytes()
                                    + " bytes (zip bomb?)");
                        }
                        out.write(buffer, 0, n);
                    }
                }
                written.add(dest);
            }
        } catch (IOException e) {
            throw new InputException(zip, "cannot extract: " + e.getMessage(), e);
        }
        return written;
    }
}
