package org.exhibit.bundle;

import gov.loc.repository.bagit.domain.Manifest;
import gov.loc.repository.bagit.domain.Metadata;
import gov.loc.repository.bagit.domain.Version;
import gov.loc.repository.bagit.hash.StandardSupportedAlgorithms;
import gov.loc.repository.bagit.writer.BagitFileWriter;
import gov.loc.repository.bagit.writer.ManifestWriter;
import gov.loc.repository.bagit.writer.MetadataWriter;
import org.exhibit.evidence.Hashing;
import org.exhibit.io.InputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes BagIt 1.0 bags (RFC 8493) with the Library of Congress BagIt library's writers: bagit.txt, a SHA-256
 * payload manifest, bag-info.txt with Payload-Oxum, and a SHA-256 tag manifest over every tag file (so the
 * case manifest exhibit.yaml is sealed too). Manifest lines are sorted by path, so the same files give the same
 * bytes. Never follows or copies symbolic links.
 */
public final class Bags {

    public static final String DATA = "data";
    public static final String BAGIT_TXT = "bagit.txt";
    public static final String BAG_INFO = "bag-info.txt";
    public static final String MANIFEST = "manifest-sha256.txt";
    public static final String TAG_MANIFEST = "tagmanifest-sha256.txt";
    /** Tag files that a tag manifest covers, in the order they are listed. */
    static final List<String> TAG_FILES = List.of(BAG_INFO, BAGIT_TXT, CaseManifest.FILE_NAME, MANIFEST);

    private static final Version VERSION = new Version(1, 0);

    private Bags() {
    }

    /** Makes {@code dir} (absent or empty) an empty bag: bagit.txt and data/. {@link #seal} completes it. */
    public static void create(Path dir) throws IOException, InputException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new InputException(dir, "exists and is not a folder");
            }
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new InputException(dir, "is not empty; a new bundle needs an empty or new folder");
                }
            }
        }
        Files.createDirectories(dir.resolve(DATA));
        BagitFileWriter.writeBagitFile(VERSION, StandardCharsets.UTF_8, dir);
    }

    /**
     * Copies a file, or a folder and everything under it, into the bag's payload as {@code data/<target>}.
     * Refuses symbolic links, names that would leave data/, names BagIt would have to percent-encode, and
     * anything already there (evidence is never overwritten).
     *
     * @return the payload paths written, relative to the bag root, sorted
     */
    public static List<String> copyIn(Path bag, Path source, String target) throws IOException, InputException {
        String name = safeName(source, target);
        Path data = bag.resolve(DATA).toAbsolutePath().normalize();
        Path dest = data.resolve(name).normalize();
        if (!dest.startsWith(data) || dest.equals(data)) {
            throw new InputException(source, "target name '" + target + "' would leave the bag's data folder");
        }
        if (Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException(source, "the bundle already holds " + DATA + "/" + name);
        }
        List<Path> files = new ArrayList<>();
        if (Files.isSymbolicLink(source)) {
            throw new InputException(source, "is a symbolic link; add the file it points to instead");
        } else if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path p : walk.sorted().toList()) {
                    if (Files.isSymbolicLink(p)) {
                        throw new InputException(p, "is a symbolic link; bundles hold only regular files");
                    }
                    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        safeName(p, source.relativize(p).toString());
                        files.add(p);
                    }
                }
            }
            if (files.isEmpty()) {
                throw new InputException(source, "is an empty folder");
            }
        } else if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            files.add(source);
        } else {
            throw new InputException(source, Files.exists(source) ? "is not a regular file" : "no such file");
        }
        List<String> written = new ArrayList<>();
        for (Path f : files) {
            Path to = files.size() == 1 && f.equals(source) ? dest : dest.resolve(source.relativize(f).toString());
            Files.createDirectories(to.getParent());
            Files.copy(f, to, StandardCopyOption.COPY_ATTRIBUTES);
            written.add(relative(bag, to));
        }
        return written;
    }

    /**
     * Writes the payload manifest (hashing every file under data/), bag-info.txt with {@code info} plus
     * Payload-Oxum, and the tag manifest. Call after every change; {@link BagCheck} first when the bag may
     * already hold evidence, or a tampered file would be sealed as if it were original.
     */
    public static void seal(Path bag, Map<String, String> info) throws IOException, InputException {
        Map<Path, String> payload = new TreeMap<>();
        long bytes = 0;
        for (Path f : payloadFiles(bag)) {
            payload.put(f, Hashing.sha256Hex(f));
            bytes += Files.size(f);
        }
        write(bag, payload, MANIFEST);
        Metadata metadata = new Metadata();
        info.forEach(metadata::add);
        metadata.upsertPayloadOxum(bytes + "." + payload.size());
        Files.deleteIfExists(bag.resolve(BAG_INFO));
        MetadataWriter.writeBagMetadata(metadata, VERSION, bag, StandardCharsets.UTF_8);
        Map<Path, String> tags = new TreeMap<>();
        for (String t : TAG_FILES) {
            Path p = bag.resolve(t);
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                tags.put(p, Hashing.sha256Hex(p));
            }
        }
        write(bag, tags, TAG_MANIFEST);
    }

    /** The bundle's fingerprint: SHA-256 of its tag manifest, which pins every tag file and, through the payload manifest, every exhibit. */
    public static String bundleHash(Path bag) throws IOException {
        return Hashing.sha256Hex(bag.resolve(TAG_MANIFEST));
    }

    /** Every regular file under data/, sorted; symbolic links and special files are refused. */
    static List<Path> payloadFiles(Path bag) throws IOException, InputException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(bag.resolve(DATA))) {
            for (Path p : walk.sorted().toList()) {
                if (Files.isSymbolicLink(p)) {
                    throw new InputException(p, "is a symbolic link; bundles hold only regular files");
                }
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(p);
                } else if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    throw new InputException(p, "is not a regular file");
                }
            }
        }
        return files;
    }

    static String relative(Path bag, Path file) {
        return bag.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
    }

    private static void write(Path bag, Map<Path, String> entries, String fileName) throws IOException {
        Manifest m = new Manifest(StandardSupportedAlgorithms.SHA256);
        m.setFileToChecksumMap(entries);
        Files.deleteIfExists(bag.resolve(fileName));
        if (fileName.equals(MANIFEST)) {
            ManifestWriter.writePayloadManifests(Set.of(m), bag, bag, StandardCharsets.UTF_8);
        } else {
            ManifestWriter.writeTagManifests(Set.of(m), bag, bag, StandardCharsets.UTF_8);
        }
        if (!Files.exists(bag.resolve(fileName))) {
            Files.createFile(bag.resolve(fileName)); // an empty bag still has its (empty) manifest
        }
    }

    /**
     * The target name, checked: relative, forward slashes, no "." or ".." parts, and none of the characters
     * (CR, LF, %) that RFC 8493 requires to be percent-encoded in manifests, which the library does not do.
     */
    static String safeName(Path source, String target) throws InputException {
        String name = target.replace('\\', '/');
        while (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || name.startsWith("/")) {
            throw new InputException(source, "target name '" + target + "' must be a relative path");
        }
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new InputException(source, "target name '" + target + "' has an empty, '.' or '..' part");
            }
        }
        if (name.indexOf('%') >= 0 || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
            throw new InputException(source, "name '" + target + "' contains %, CR or LF; rename it before adding");
        }
        return name;
    }
}
