package org.exhibit.cli;

import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `exhibit bundle init|add|verify`: every alteration is caught, named, and exits with code 5. */
class BundleCommandTest {

    @TempDir
    Path tmp;

    private Path bundleWithTwoImages() throws Exception {
        Path bundle = tmp.resolve("case");
        Path original = Files.write(tmp.resolve("published.png"), PngBuilder.rgb(Pictures.scene(40, 40, 1)).build());
        Path accused = Files.write(tmp.resolve("found.png"), PngBuilder.rgb(Pictures.scene(40, 40, 2)).build());
        ok(CliTestSupport.run("bundle", "init", bundle.toString(), "--case", "Li v. Liu", "--date", "2026-11-20T09:00:00Z"));
        ok(CliTestSupport.run("bundle", "add", bundle.toString(), original.toString(), "--role", "original",
                "--provenance", "plaintiff's upload"));
        ok(CliTestSupport.run("bundle", "add", bundle.toString(), accused.toString(), "--role", "accused", "--as", "accused.png"));
        return bundle;
    }

    @Test
    void anUntouchedBundleVerifies() throws Exception {
        Path bundle = bundleWithTwoImages();
        CliTestSupport.Run r = CliTestSupport.run("bundle", "verify", bundle.toString());
        ok(r);
        assertTrue(r.out().startsWith("ok: " + bundle + ": 6 files match their manifests"), r.out());
        assertTrue(Files.readString(bundle.resolve("exhibit.yaml")).contains("provenance: plaintiff's upload"));
    }

    @Test
    void oneChangedByteExitsFiveNamingTheFile() throws Exception {
        Path bundle = bundleWithTwoImages();
        Path f = bundle.resolve("data/accused.png");
        byte[] b = Files.readAllBytes(f);
        b[100] ^= 0x01;
        Files.write(f, b);
        altered(CliTestSupport.run("bundle", "verify", bundle.toString()), "changed: data/accused.png (sha256 was ");
    }

    @Test
    void aMissingFileExitsFiveNamingIt() throws Exception {
        Path bundle = bundleWithTwoImages();
        Files.delete(bundle.resolve("data/published.png"));
        altered(CliTestSupport.run("bundle", "verify", bundle.toString()), "missing: data/published.png");
    }

    @Test
    void anAddedFileExitsFiveNamingIt() throws Exception {
        Path bundle = bundleWithTwoImages();
        Files.writeString(bundle.resolve("data/later.txt"), "added after sealing");
        altered(CliTestSupport.run("bundle", "verify", bundle.toString()), "extra: data/later.txt");
        altered(CliTestSupport.run("bundle", "add", bundle.toString(), tmp.resolve("found.png").toString(),
                "--role", "other", "--as", "again.png"), "extra: data/later.txt"); // nothing is added to an altered bundle
        altered(CliTestSupport.run("report", bundle.toString(), "-q", "--out-dir", tmp.resolve("out").toString()),
                "extra: data/later.txt");
        assertTrue(Files.notExists(tmp.resolve("out")), "no report from an altered bundle");
    }

    @Test
    void anExhibitEntryOutsideTheBagIsRefusedByVerifyAsByReport() throws Exception {
        Path bundle = bundleWithTwoImages();
        Path yaml = bundle.resolve("exhibit.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("file: accused.png", "file: ../../found.png"));
        org.exhibit.bundle.Bags.seal(bundle, java.util.Map.of()); // sealed that way: the bag itself is intact
        CliTestSupport.Run verify = CliTestSupport.run("bundle", "verify", bundle.toString());
        assertEquals(ExitCodes.INPUT, verify.exitCode(), verify.err());
        assertTrue(verify.err().contains("is outside the bundle's data/ folder"), verify.err());
        CliTestSupport.Run report = CliTestSupport.run("report", bundle.toString(), "-q", "-o",
                tmp.resolve("out").toString());
        assertEquals(ExitCodes.INPUT, report.exitCode(), report.err());
        assertTrue(report.err().contains("is outside the bundle's data/ folder"), report.err());
    }

    @Test
    void wrongUseIsRefusedWithTheRightCode() throws Exception {
        Path bundle = bundleWithTwoImages();
        assertEquals(ExitCodes.INPUT, CliTestSupport.run("bundle", "init", bundle.toString(), "--case", "again").exitCode(),
                "an existing bundle is never overwritten");
        assertEquals(ExitCodes.USAGE, CliTestSupport.run("bundle", "init", tmp.resolve("new").toString()).exitCode());
        CliTestSupport.Run role = CliTestSupport.run("bundle", "add", bundle.toString(), tmp.resolve("found.png").toString(),
                "--role", "acused");
        assertEquals(ExitCodes.INPUT, role.exitCode());
        assertTrue(role.err().contains("unknown role 'acused'"), role.err());
        assertEquals(ExitCodes.USAGE, CliTestSupport.run("report", bundle.toString(), "--out-dir",
                bundle.resolve("data/out").toString()).exitCode(), "reports never go inside the evidence");
        assertEquals(ExitCodes.INPUT, CliTestSupport.run("bundle", "verify", tmp.toString()).exitCode(), "not a bag");
    }

    private static void ok(CliTestSupport.Run r) {
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    }

    private static void altered(CliTestSupport.Run r, String named) {
        assertEquals(ExitCodes.BUNDLE_ALTERED, r.exitCode(), r.err());
        assertTrue(r.err().contains(named), r.err());
    }
}
