package org.exhibit.cli;

import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `exhibit report BUNDLE`: four files, byte-identical JSON on a second run, exit 1 on a failed policy check. */
class ReportCommandTest {

    @TempDir
    static Path tmp;
    static Path passing;
    static Path failing;

    @BeforeAll
    static void bundles() throws Exception {
        passing = bundle("passing", "  - {id: intact, rule: bundle.integrity, verdict-at-most: info}\n");
        failing = bundle("failing", "  - {id: copy, rule: similarity.*, verdict-at-least: indicates}\n");
    }

    private static Path bundle(String name, String check) throws Exception {
        Path prepared = Files.createDirectories(tmp.resolve(name + "-prepared"));
        Files.write(prepared.resolve("a.png"), PngBuilder.rgb(Pictures.scene(40, 40, 3)).text("parameters", "猫\nSteps: 20").build());
        Files.writeString(prepared.resolve("exhibit.yaml"), """
                exhibit-manifest: 1
                case: 猫 v. Dog
                date: 2026-11-20T09:00:00Z
                exhibits:
                  - {file: a.png, role: original}
                checks:
                """ + check);
        Path bundle = tmp.resolve(name);
        CliTestSupport.Run r = CliTestSupport.run("bundle", "init", bundle.toString(), "--from", prepared.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        return bundle;
    }

    @Test
    void writesFourFilesAndTheSameJsonTwice() throws Exception {
        Path out = tmp.resolve("out-pass");
        CliTestSupport.Run r = CliTestSupport.run("report", passing.toString(), "--out-dir", out.toString(), "--jobs", "2");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        for (String f : new String[]{"report.json", "report.html", "report.pdf", "junit.xml"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(r.err().contains("exhibit: metadata: (1/"), "progress on stderr: " + r.err());
        assertTrue(r.out().contains("Check 'intact': passed"), r.out());
        byte[] first = Files.readAllBytes(out.resolve("report.json"));
        CliTestSupport.Run again = CliTestSupport.run("report", passing.toString(), "--out-dir", out.toString(), "-q");
        assertEquals(ExitCodes.OK, again.exitCode());
        assertEquals("", again.err(), "--quiet");
        assertArrayEquals(first, Files.readAllBytes(out.resolve("report.json")));
    }

    @Test
    void aFailedPolicyCheckExitsOne() throws Exception {
        Path out = tmp.resolve("out-fail");
        CliTestSupport.Run r = CliTestSupport.run("report", failing.toString(), "--out-dir", out.toString(), "-q");
        assertEquals(ExitCodes.FINDINGS, r.exitCode(), r.err());
        assertTrue(r.out().contains("Check 'copy': failed"), r.out());
        assertTrue(Files.readString(out.resolve("junit.xml")).contains("<failure type=\"policy\""));
    }

    @Test
    void anAnalysisThatCannotRunIsAJUnitErrorAndExitThree() throws Exception {
        Path prepared = Files.createDirectories(tmp.resolve("broken-prepared"));
        Files.write(prepared.resolve("a.png"), PngBuilder.rgb(Pictures.scene(40, 40, 3)).build());
        Files.writeString(prepared.resolve("b.png"), "not a picture at all");
        Files.writeString(prepared.resolve("exhibit.yaml"), """
                exhibit-manifest: 1
                case: broken
                date: 2026-11-20T09:00:00Z
                exhibits:
                  - {file: a.png, role: original}
                  - {file: b.png, role: accused}
                analyses:
                  - {analysis: similarity}
                checks:
                  - {id: intact, rule: bundle.integrity, verdict-at-most: info}
                """);
        Path bundle = tmp.resolve("broken");
        assertEquals(ExitCodes.OK, CliTestSupport.run("bundle", "init", bundle.toString(), "--from", prepared.toString())
                .exitCode());
        Path out = tmp.resolve("out-broken");
        CliTestSupport.Run r = CliTestSupport.run("report", bundle.toString(), "--out-dir", out.toString(), "-q");
        assertEquals(ExitCodes.INPUT, r.exitCode(), r.err());
        assertTrue(r.err().contains("not every analysis could run"), r.err());
        String junit = Files.readString(out.resolve("junit.xml"));
        assertTrue(junit.contains("<testcase name=\"analysis similarity\""), junit);
        assertTrue(junit.contains("<error type=\"analysis\""), junit);
        assertTrue(junit.contains("errors=\"1\""), junit);
    }
}
