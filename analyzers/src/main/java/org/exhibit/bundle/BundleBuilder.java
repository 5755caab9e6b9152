package org.exhibit.bundle;

import org.exhibit.analysis.Roles;

import org.exhibit.io.InputException;
import org.exhibit.io.Limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes and extends evidence bundles: a BagIt bag whose payload is the exhibits and whose tag files include
 * the case manifest. Every change re-seals the bag; adding to a bag first verifies it, so that a file changed
 * since sealing is never sealed again as if it were original.
 */
public final class BundleBuilder {

    private BundleBuilder() {
    }

    /** A new, empty bundle for a case. {@code date} is recorded once and becomes every report's createdAt. */
    public static void create(Path dir, String caseName, Instant date, String notes) throws IOException, InputException {
        if (caseName == null || caseName.isBlank()) {
            throw new InputException(dir, "a bundle needs a case name");
        }
        Bags.create(dir);
        CaseManifest m = new CaseManifest(CaseManifest.FORMAT, caseName, date.toString(), notes, null, null, null);
        Files.write(dir.resolve(CaseManifest.FILE_NAME), ManifestYaml.write(m));
        Bags.seal(dir, bagInfo(m));
    }

    /**
     * A new bundle from a prepared folder: its exhibit.yaml (kept byte for byte, comments included) and the
     * files that manifest names, copied into data/. The manifest is checked completely before anything is sealed.
     */
    public static void createFrom(Path dir, Path folder, Limits limits) throws IOException, InputException {
        Path yaml = folder.resolve(CaseManifest.FILE_NAME);
        if (!Files.isRegularFile(yaml, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException(folder, "has no " + CaseManifest.FILE_NAME + " to build the bundle from");
        }
        CaseManifest m = ManifestYaml.read(yaml).manifest();
        Bags.create(dir);
        try {
            for (CaseManifest.ExhibitEntry e : m.exhibits()) {
                Bags.copyIn(dir, folder.resolve(e.file()), e.file());
            }
            Files.copy(yaml, dir.resolve(CaseManifest.FILE_NAME));
            Bundle.open(dir, limits); // every reference the manifest makes must resolve before the bag is sealed
            Bags.seal(dir, bagInfo(m));
        } catch (IOException | InputException | RuntimeException e) {
            clear(dir); // the folder was new or empty: leave it so, not half a bundle
            throw e;
        }
    }

    private static void clear(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * Adds a file or folder as an exhibit: verifies the bag, copies it to data/{@code name}, records its role and
     * provenance in exhibit.yaml (rewritten; comments in it are not kept), and re-seals.
     */
    public static void add(Path dir, Path source, String name, String role, String provenance)
            throws IOException, InputException {
        if (!Roles.known(role)) {
            throw new InputException(source, "unknown role '" + role + "' (known: " + String.join(", ", Roles.all().keySet()) + ")");
        }
        BagCheck.Result check = BagCheck.verify(dir);
        if (!check.intact()) {
            throw new BundleAlteredException(dir, check);
        }
        CaseManifest m = ManifestYaml.read(dir.resolve(CaseManifest.FILE_NAME)).manifest();
        String target = Bags.safeName(source, name == null ? source.getFileName().toString() : name);
        Bags.copyIn(dir, source, target);
        CaseManifest updated = m.withExhibit(new CaseManifest.ExhibitEntry(
                Files.isDirectory(source) ? target + "/" : target, role, provenance));
        Files.write(dir.resolve(CaseManifest.FILE_NAME), ManifestYaml.write(updated));
        Bags.seal(dir, bagInfo(updated));
    }

    private static Map<String, String> bagInfo(CaseManifest m) {
        Map<String, String> info = new TreeMap<>();
        info.put("Bagging-Date", m.date().substring(0, 10));
        info.put("External-Description", m.caseName().replaceAll("\\s+", " "));
        info.put("Bag-Software-Agent", "exhibit");
        return info;
    }
}
