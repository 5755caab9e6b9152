package org.exhibit.bundle;

import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import org.exhibit.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BagCheckTest {

    @TempDir
    Path tmp;

    @Test
    void aSealedBundleIsIntactAndTheLibraryOfCongressVerifierAgrees() throws Exception {
        Path bag = TestBundles.sealed(tmp, "");
        BagCheck.Result r = BagCheck.verify(bag);
        assertTrue(r.intact(), r.problems().toString());
        assertEquals(4 + 4, r.files()); // 4 payload files + bag-info, bagit, exhibit.yaml, manifest
        try (BagVerifier v = new BagVerifier()) {
            v.isValid(new BagReader().read(bag), false); // throws on any problem
        }
        assertEquals(List.of("BagIt-Version: 1.0", "Tag-File-Character-Encoding: UTF-8"),
                Files.readAllLines(bag.resolve("bagit.txt")));
        assertTrue(Files.readString(bag.resolve("bag-info.txt")).contains("Payload-Oxum: " + r.bytes() + ".4\n"));
    }

    @Test
    void oneChangedByteIsNamedWithBothHashes() throws Exception {
        Path bag = TestBundles.sealed(tmp, "");
        Path accused = bag.resolve("data/accused.png");
        byte[] b = Files.readAllBytes(accused);
        b[b.length / 2] ^= 1;
        Files.write(accused, b);
        List<BagProblem> p = BagCheck.verify(bag).problems();
        assertEquals(1, p.size(), p.toString());
        assertEquals(BagProblem.Kind.CHANGED, p.get(0).kind());
        assertEquals("data/accused.png", p.get(0).path());
        assertTrue(p.get(0).detail().matches("sha256 was [0-9a-f]{64}, is now [0-9a-f]{64}"), p.get(0).detail());
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        Path bag = TestBundles.sealed(tmp, "");
        Files.delete(bag.resolve("data/steps/00002-2.png"));
        assertEquals(List.of(new BagProblem(BagProblem.Kind.MISSING, "data/steps/00002-2.png",
                "listed in the sha256 manifest, not in the bag")), BagCheck.verify(bag).problems());
    }

    @Test
    void anAddedFileIsNamedInThePayloadAndBesideIt() throws Exception {
        Path bag = TestBundles.sealed(tmp, "");
        Files.writeString(bag.resolve("data/steps/planted.png"), "x");
        Files.writeString(bag.resolve("notes.txt"), "x");
        List<BagProblem> p = BagCheck.verify(bag).problems();
        assertEquals(List.of("extra: data/steps/planted.png (in data/ but in no payload manifest)",
                "extra: notes.txt (a tag file that no tag manifest lists)"), p.stream().map(Object::toString).toList());
    }

    @Test
    void anEditedCaseManifestIsCaughtByTheTagManifest() throws Exception {
        Path bag = TestBundles.sealed(tmp, "");
        Files.writeString(bag.resolve("exhibit.yaml"), "\n", StandardOpenOption.APPEND);
        List<BagProblem> p = BagCheck.verify(bag).problems();
        assertEquals(1, p.size());
        assertEquals("exhibit.yaml", p.get(0).path());
        assertEquals(BagProblem.Kind.CHANGED, p.get(0).kind());
    }

    @Test
    void symbolicLinksAreReportedAndNeverFollowed() throws Exception {
        Path bag = TestBundles.sealed(tmp, "");
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "outside");
        Files.delete(bag.resolve("data/accused.png"));
        Files.createSymbolicLink(bag.resolve("data/accused.png"), secret.toAbsolutePath());
        List<BagProblem> p = BagCheck.verify(bag).problems();
        assertEquals(List.of(new BagProblem(BagProblem.Kind.UNSAFE, "data/accused.png", "a symbolic link; not followed")), p);
        assertThrows(InputException.class, () -> Bags.copyIn(bag, bag.resolve("data/accused.png"), "again.png"));
    }

    @Test
    void manifestEntriesThatLeaveTheBagAreUnsafe() throws Exception {
        Path bag = TestBundles.sealed(tmp, "");
        Files.writeString(bag.resolve(Bags.MANIFEST), "0".repeat(64) + "  data/../../secret.txt\n", StandardOpenOption.APPEND);
        List<BagProblem> p = BagCheck.verify(bag).problems();
        assertTrue(p.stream().anyMatch(x -> x.kind() == BagProblem.Kind.UNSAFE), p.toString());
    }

    @Test
    void namesThatLeaveThePayloadOrNeedEncodingAreRefused() throws Exception {
        Path bag = TestBundles.sealed(tmp, "");
        Path f = Files.writeString(tmp.resolve("f.txt"), "x");
        for (String bad : List.of("../f.txt", "/etc/f", "a/./b", "100%.txt", "a\nb")) {
            assertThrows(InputException.class, () -> Bags.copyIn(bag, f, bad), bad);
        }
        assertThrows(InputException.class, () -> Bags.copyIn(bag, f, "accused.png")); // never overwrites evidence
    }

    @Test
    void sealingTheSameFilesGivesTheSameBytes() throws Exception {
        Path a = TestBundles.sealed(tmp.resolve("a"), "");
        Path b = TestBundles.sealed(tmp.resolve("b"), "");
        for (String f : List.of(Bags.MANIFEST, Bags.TAG_MANIFEST, Bags.BAG_INFO)) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
        assertEquals(Bags.bundleHash(a), Bags.bundleHash(b));
    }

    /** RFC 8493 §4.1's basic bag (MD5 manifest, one space) and §2.2.2's bag-info with continuation lines. */
    @Test
    void readsTheRfcExamplesAndPercentEncodedNames() throws Exception {
        Path bag = tmp.resolve("myfirstbag");
        Files.createDirectories(bag.resolve("data/27613-h/images"));
        Files.writeString(bag.resolve("data/27613-h/images/q172.png"), "png bytes");
        Files.writeString(bag.resolve("data/27613-h/images/q172.txt"), "text");
        Files.writeString(bag.resolve("data/100% done.txt"), "percent");
        Files.writeString(bag.resolve("bagit.txt"), "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
        Files.writeString(bag.resolve("manifest-md5.txt"),
                "1ff29bd7e1d4f2c7a6c4a34a78e7e4b8 data/27613-h/images/q172.png\n".replace("1ff29bd7e1d4f2c7a6c4a34a78e7e4b8",
                        md5("png bytes")) + md5("text") + " data/27613-h/images/q172.txt\n"
                        + md5("percent") + " data/100%25 done.txt\n");
        Files.writeString(bag.resolve("bag-info.txt"), """
                Source-Organization: Spengler University
                Organization-Address: 1400 Elm St., Cupertino, California, 95014
                External-Description: Uncompressed greyscale TIFF images from the
                     Yoshimuri papers collection.
                Bagging-Date: 2008-01-15
                Payload-Oxum: 20.3
                """, StandardCharsets.UTF_8);
        BagCheck.Result r = BagCheck.verify(bag);
        assertTrue(r.intact(), r.problems().toString());
        assertEquals(3, r.files());
        assertEquals(List.of("Uncompressed greyscale TIFF images from the Yoshimuri papers collection."),
                new BagReader().read(bag).getMetadata().get("External-Description").stream()
                        .map(s -> s.replaceAll("\\s+", " ")).toList());
    }

    @Test
    void aFolderThatIsNoBagIsAnInputError() {
        InputException e = assertThrows(InputException.class, () -> BagCheck.verify(tmp));
        assertTrue(e.getMessage().contains("no bagit.txt"), e.getMessage());
    }

    private static String md5(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                .digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
