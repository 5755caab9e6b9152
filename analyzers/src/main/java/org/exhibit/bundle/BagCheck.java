package org.exhibit.bundle;

import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.domain.Manifest;
import gov.loc.repository.bagit.exceptions.MaliciousPathException;
import gov.loc.repository.bagit.hash.Hasher;
import gov.loc.repository.bagit.reader.BagReader;
import org.exhibit.io.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Verifies a bag completely: re-hashes every file every manifest lists (payload and tag manifests, any
 * algorithm), and names each file that changed, went missing, or was added without being listed. Symbolic
 * links, special files and manifest entries that point outside the bag are reported as unsafe and never read.
 * Unlike a verifier that stops at the first error, it lists every problem, so an expert sees the whole damage.
 * Manifests are parsed by the Library of Congress BagIt library; RFC 8493 percent-encoding of names is decoded
 * here, because that library does not.
 */
public final class BagCheck {

    private BagCheck() {
    }

    /**
     * What verification found.
     *
     * @param problems   every problem, sorted by path; empty when the bag is intact
     * @param files      files verified against a manifest (payload and tag)
     * @param bytes      payload bytes
     * @param bundleHash SHA-256 of the tag manifest (see {@link Bags#bundleHash}), null when there is none
     */
    public record Result(List<BagProblem> problems, int files, long bytes, String bundleHash) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    public static Result verify(Path bag) throws InputException, IOException {
        return verify(bag, f -> { });
    }

    /** As {@link #verify(Path)}, telling {@code hashing} each file before it is hashed (progress for big bags). */
    public static Result verify(Path bag, Consumer<String> hashing) throws InputException, IOException {
        if (!Files.isDirectory(bag, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException(bag, Files.exists(bag) ? "is not a folder (a bundle is a BagIt folder)"
                    : "no such bundle folder");
        }
        if (!Files.isRegularFile(bag.resolve(Bags.BAGIT_TXT), LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException(bag, "is not a BagIt bag: no bagit.txt");
        }
        List<BagProblem> problems = new ArrayList<>();
        Set<String> present = presentFiles(bag, problems);
        Bag parsed = read(bag, problems);
        if (parsed == null) {
            return new Result(sorted(problems), 0, 0, null);
        }
        if (parsed.getPayLoadManifests().isEmpty()) {
            problems.add(new BagProblem(BagProblem.Kind.MISSING, Bags.MANIFEST, "the bag has no payload manifest"));
        }
        Set<String> listedPayload = new TreeSet<>();
        Set<String> listedTags = new TreeSet<>();
        int checked = 0;
        for (Manifest m : parsed.getPayLoadManifests()) {
            checked += check(bag, m, present, listedPayload, problems, hashing);
        }
        for (Manifest m : parsed.getTagManifests()) {
            checked += check(bag, m, present, listedTags, problems, hashing);
        }
        long bytes = 0;
        for (String p : present) {
            boolean payload = p.startsWith(Bags.DATA + "/");
            if (payload) {
                bytes += Files.size(bag.resolve(p));
            }
            boolean unsealedInfo = parsed.getTagManifests().isEmpty() && p.equals(Bags.BAG_INFO);
            if (payload ? !listedPayload.contains(p) : !listedTags.contains(p) && !isBagItSelf(p) && !unsealedInfo) {
                problems.add(new BagProblem(BagProblem.Kind.EXTRA, p, payload ? "in data/ but in no payload manifest"
                        : "a tag file that no tag manifest lists"));
            }
        }
        String hash = Files.isRegularFile(bag.resolve(Bags.TAG_MANIFEST)) ? Bags.bundleHash(bag) : null;
        return new Result(sorted(problems), checked, bytes, hash);
    }

    /**
     * bagit.txt and the manifests themselves need no tag-manifest entry (RFC 8493 §2.2.1); nor does bag-info.txt
     * in a bag with no tag manifest at all (tag manifests are optional in BagIt; exhibit's own bags always have one).
     */
    private static boolean isBagItSelf(String p) {
        return p.equals(Bags.BAGIT_TXT) || p.matches("(tag)?manifest-[a-z0-9]+\\.txt");
    }

    private static Bag read(Path bag, List<BagProblem> problems) throws InputException {
        try {
            return new BagReader().read(bag);
        } catch (MaliciousPathException e) {
            problems.add(new BagProblem(BagProblem.Kind.UNSAFE, "manifest", "an entry points outside the bag: "
                    + e.getMessage()));
            return null;
        } catch (Exception e) {
            throw new InputException(bag, "is not a readable BagIt bag: " + e.getMessage(), e);
        }
    }

    private static int check(Path bag, Manifest m, Set<String> present, Set<String> listed, List<BagProblem> problems,
                             Consumer<String> hashing) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(m.getAlgorithm().getMessageDigestName());
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("no " + m.getAlgorithm().getMessageDigestName() + " in this Java runtime", e);
        }
        String manifestName = m.getAlgorithm().getBagitName();
        int n = 0;
        for (Map.Entry<Path, String> e : new TreeMap<>(m.getFileToChecksumMap()).entrySet()) {
            String rel = percentDecode(Bags.relative(bag, e.getKey()));
            listed.add(rel);
            if (!present.contains(rel)) {
                if (!Files.isSymbolicLink(bag.resolve(rel))) { // a link is already reported as unsafe
                    problems.add(new BagProblem(BagProblem.Kind.MISSING, rel, "listed in the " + manifestName
                            + " manifest, not in the bag"));
                }
                continue;
            }
            hashing.accept(rel);
            digest.reset();
            String actual = Hasher.hash(bag.resolve(rel), digest);
            n++;
            if (!actual.equalsIgnoreCase(e.getValue())) {
                problems.add(new BagProblem(BagProblem.Kind.CHANGED, rel, manifestName + " was " + e.getValue()
                        + ", is now " + actual));
            }
        }
        return n;
    }

    /** Regular files in the bag, relative; links and special files become UNSAFE problems and are left out. */
    private static Set<String> presentFiles(Path bag, List<BagProblem> problems) throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(bag)) { // does not follow links
            for (Path p : walk.toList()) {
                String rel = Bags.relative(bag, p);
                if (Files.isSymbolicLink(p)) {
                    problems.add(new BagProblem(BagProblem.Kind.UNSAFE, rel, "a symbolic link; not followed"));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(rel);
                } else if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    problems.add(new BagProblem(BagProblem.Kind.UNSAFE, rel, "not a regular file"));
                }
            }
        }
        return files;
    }

    /** RFC 8493 §2.1.3: in manifests, CR, LF and % in names are written %0D, %0A and %25. */
    static String percentDecode(String s) {
        return s.indexOf('%') < 0 ? s
                : s.replace("%0A", "\n").replace("%0a", "\n").replace("%0D", "\r").replace("%0d", "\r")
                .replace("%25", "%");
    }

    private static List<BagProblem> sorted(List<BagProblem> problems) {
        List<BagProblem> copy = new ArrayList<>(problems);
        copy.sort(java.util.Comparator.comparing(BagProblem::path).thenComparing(BagProblem::kind));
        return List.copyOf(copy);
    }
}
