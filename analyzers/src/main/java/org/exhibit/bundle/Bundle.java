package org.exhibit.bundle;

import org.exhibit.analysis.Analyses;
import org.exhibit.analysis.Analysis;
import org.exhibit.analysis.AnalysisContext;
import org.exhibit.analysis.Roles;

import org.exhibit.evidence.Exhibit;
import org.exhibit.io.InputException;
import org.exhibit.io.Inputs;
import org.exhibit.io.Limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An opened evidence bundle: its case manifest, every payload file as a hashed {@link Exhibit} with its role,
 * and the analysis steps to run with their inputs and parameters resolved. Everything the manifest refers to
 * is checked here, and a problem is reported with the manifest line it is on. Open a bundle only after
 * {@link BagCheck} found it intact.
 */
public final class Bundle {

    /** A step ready to run. */
    public record PlannedStep(String id, Analysis analysis, Map<String, List<AnalysisContext.Input>> inputs,
                              Map<String, Object> params) {
    }

    private final Path root;
    private final CaseManifest manifest;
    private final List<AnalysisContext.Input> exhibits;
    private final List<PlannedStep> steps;

    private Bundle(Path root, CaseManifest manifest, List<AnalysisContext.Input> exhibits, List<PlannedStep> steps) {
        this.root = root;
        this.manifest = manifest;
        this.exhibits = List.copyOf(exhibits);
        this.steps = List.copyOf(steps);
    }

    /**
     * Checks the case manifest of a verified bag without reading the exhibits: it parses, and every exhibit entry
     * names files inside data/ (an entry such as "../../etc/passwd" is refused with its line, as {@link #open} does).
     */
    public static void checkManifest(Path bundleDir) throws InputException, IOException {
        Path root = bundleDir.normalize();
        Path yaml = root.resolve(CaseManifest.FILE_NAME);
        if (!Files.isRegularFile(yaml, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        ManifestYaml.Parsed parsed = ManifestYaml.read(yaml);
        for (int i = 0; i < parsed.manifest().exhibits().size(); i++) {
            payloadFiles(root, parsed.manifest().exhibits().get(i).file(), parsed, "/exhibits/" + i + "/file");
        }
    }

    /** An exhibit as a bundle's report names it: by its path inside the bag, the same wherever the bag sits. */
    private static Exhibit inBundle(Exhibit x, Path root, Path f) {
        return new Exhibit(Bags.relative(root, f), x.sha256(), x.size(), x.mediaType(), x.role());
    }

    public static Bundle open(Path bundleDir, Limits limits) throws InputException, IOException {
        Path root = bundleDir.normalize();
        Path yaml = root.resolve(CaseManifest.FILE_NAME);
        if (!Files.isRegularFile(yaml, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException(root, "has no " + CaseManifest.FILE_NAME + " (the case manifest)");
        }
        ManifestYaml.Parsed parsed = ManifestYaml.read(yaml);
        CaseManifest m = parsed.manifest();
        Map<String, List<AnalysisContext.Input>> byEntry = new LinkedHashMap<>();
        Map<String, List<AnalysisContext.Input>> byRole = new TreeMap<>();
        Set<Path> covered = new TreeSet<>();
        List<AnalysisContext.Input> all = new ArrayList<>();
        for (int i = 0; i < m.exhibits().size(); i++) {
            CaseManifest.ExhibitEntry e = m.exhibits().get(i);
            List<Path> files = payloadFiles(root, e.file(), parsed, "/exhibits/" + i + "/file");
            List<AnalysisContext.Input> inputs = new ArrayList<>();
            for (Path f : files) {
                if (!covered.add(f)) {
                    throw parsed.error("/exhibits/" + i + "/file", Bags.relative(root, f) + " is already part of another exhibit");
                }
                inputs.add(new AnalysisContext.Input(inBundle(Inputs.open(f, e.role(), limits), root, f), f));
            }
            byEntry.put(e.file(), inputs);
            for (AnalysisContext.Input in : inputs) { // a file inside a folder exhibit can be named on its own
                byEntry.putIfAbsent(Bags.relative(root.resolve(Bags.DATA), in.path()), List.of(in));
            }
            byRole.computeIfAbsent(e.role(), r -> new ArrayList<>()).addAll(inputs);
            all.addAll(inputs);
        }
        for (Path f : Bags.payloadFiles(root)) { // a file the manifest does not mention is still listed, as "other"
            if (!covered.contains(f)) {
                all.add(new AnalysisContext.Input(inBundle(Inputs.open(f, Roles.OTHER, limits), root, f), f));
            }
        }
        return new Bundle(root, m, all, plan(parsed, byEntry, byRole));
    }

    private static List<PlannedStep> plan(ManifestYaml.Parsed parsed, Map<String, List<AnalysisContext.Input>> byEntry,
                                          Map<String, List<AnalysisContext.Input>> byRole) throws InputException {
        CaseManifest m = parsed.manifest();
        List<PlannedStep> steps = new ArrayList<>();
        if (m.analyses().isEmpty()) {
            for (Analysis a : Analyses.all()) {
                if (a.applies(byRole.keySet())) {
                    steps.add(new PlannedStep(a.name(), a, rolesFor(a, byRole), Analyses.effectiveParams(a, Map.of())));
                }
            }
            return steps;
        }
        for (int i = 0; i < m.analyses().size(); i++) {
            CaseManifest.Step s = m.analyses().get(i);
            String at = "/analyses/" + i;
            Analysis a = Analyses.named(s.analysis()).orElseThrow(() -> parsed.error(at + "/analysis", "unknown analysis '"
                    + s.analysis() + "' (known: " + String.join(", ", Analyses.questions().keySet()) + ")"));
            Set<String> known = new TreeSet<>(a.defaults().keySet());
            known.addAll(a.optionalParams());
            for (String key : s.params().keySet()) {
                if (!known.contains(key)) {
                    throw parsed.error(at + "/params/" + key, "analysis '" + a.name() + "' has no parameter '" + key
                            + "' (known: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
                }
                Object def = a.defaults().get(key);
                Object val = s.params().get(key);
                if (def instanceof Number && !(val instanceof Number) || def instanceof String && !(val instanceof String)
                        || def instanceof Boolean && !(val instanceof Boolean)) {
                    throw parsed.error(at + "/params/" + key, "parameter '" + key + "' must be a "
                            + def.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " like " + def);
                }
            }
            Map<String, List<AnalysisContext.Input>> inputs = rolesFor(a, byRole);
            for (Map.Entry<String, String> in : s.inputs().entrySet()) {
                List<AnalysisContext.Input> named = byEntry.get(in.getValue());
                if (named == null) {
                    throw parsed.error(at + "/inputs/" + in.getKey(), "'" + in.getValue()
                            + "' is not an exhibit's file in this manifest");
                }
                inputs.put(in.getKey(), named);
            }
            for (String role : a.required()) {
                if (inputs.getOrDefault(role, List.of()).isEmpty()) {
                    throw parsed.error(at, "analysis '" + a.name() + "' needs a '" + role + "' exhibit and the bundle has none");
                }
            }
            steps.add(new PlannedStep(s.name(), a, inputs, Analyses.effectiveParams(a, s.params())));
        }
        return steps;
    }

    private static Map<String, List<AnalysisContext.Input>> rolesFor(Analysis a, Map<String, List<AnalysisContext.Input>> byRole) {
        Map<String, List<AnalysisContext.Input>> m = new TreeMap<>();
        Set<String> roles = new TreeSet<>(a.required());
        roles.addAll(a.optional());
        for (String r : roles) {
            if (byRole.containsKey(r)) {
                m.put(r, byRole.get(r));
            }
        }
        return m;
    }

    /** The file, or every file under the folder, that a manifest path names; refused when it is not in data/. */
    private static List<Path> payloadFiles(Path root, String file, ManifestYaml.Parsed parsed, String at)
            throws InputException, IOException {
        Path data = root.resolve(Bags.DATA);
        Path p = data.resolve(file).normalize();
        if (!p.toAbsolutePath().startsWith(data.toAbsolutePath().normalize()) || file.startsWith("/")) {
            throw parsed.error(at, "'" + file + "' is outside the bundle's data/ folder");
        }
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            return List.of(p);
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            List<Path> files = new ArrayList<>();
            for (Path f : Bags.payloadFiles(root)) {
                if (f.startsWith(p)) {
                    files.add(f);
                }
            }
            if (!files.isEmpty()) {
                return files;
            }
        }
        throw parsed.error(at, "'" + file + "' is not in the bundle's data/ folder");
    }

    public Path root() {
        return root;
    }

    public CaseManifest manifest() {
        return manifest;
    }

    /** Every payload file, as exhibits in manifest order, then unmentioned files as role "other". */
    public List<AnalysisContext.Input> exhibits() {
        return exhibits;
    }

    public List<PlannedStep> steps() {
        return steps;
    }
}
