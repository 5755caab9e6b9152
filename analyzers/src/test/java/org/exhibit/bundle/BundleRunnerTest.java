package org.exhibit.bundle;

import org.exhibit.analysis.Progress;

import org.exhibit.evidence.Finding;
import org.exhibit.io.InputException;
import org.exhibit.io.Limits;
import org.exhibit.report.JsonReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundleRunnerTest {

    private static final String CHECKS = """
            checks:
              - id: intact
                rule: bundle.integrity
                verdict-at-most: info
              - id: original-described
                rule: metadata.inventory
                measurement: width
                min: 64
              - id: similarity-ran
                name: a similarity analysis found a copy
                rule: similarity.*
                verdict-at-least: indicates
            """;

    @TempDir
    Path tmp;

    @Test
    void theSameBundleGivesTheSameReportBytesWhateverTheJobs() throws Exception {
        Path bundle = TestBundles.sealed(tmp, "");
        byte[] once = JsonReportWriter.write(BundleRunner.run(bundle, Limits.DEFAULT, 1, Progress.NONE).report());
        byte[] again = JsonReportWriter.write(BundleRunner.run(bundle, Limits.DEFAULT, 3, Progress.NONE).report());
        assertArrayEquals(once, again);
        String json = new String(once, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(json.contains("\"createdAt\" : \"" + TestBundles.DATE + "\""), "the bundle's date is the report's");
    }

    @Test
    void theReportIsTheSameWhereverTheBundleIsKept() throws Exception {
        Path bundle = TestBundles.sealed(tmp, "");
        Path moved = Files.createDirectories(tmp.resolve("elsewhere/deeper")).resolve("bundle");
        try (var files = Files.walk(bundle)) {
            for (Path p : files.toList()) {
                Path t = moved.resolve(bundle.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        byte[] here = JsonReportWriter.write(BundleRunner.run(bundle, Limits.DEFAULT, 1, Progress.NONE).report());
        byte[] there = JsonReportWriter.write(BundleRunner.run(moved, Limits.DEFAULT, 1, Progress.NONE).report());
        assertArrayEquals(here, there);
        String json = new String(here, java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(json.contains(tmp.toString()), "no absolute path in the report");
        assertTrue(json.contains("\"path\" : \"data/original.png\""), "exhibits are named by their path in the bag");
    }

    @Test
    void reportsEveryExhibitWithItsRoleAndRunsWhatTheRolesAllow() throws Exception {
        Path bundle = TestBundles.sealed(tmp, "");
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        BundleRunner.Run run = BundleRunner.run(bundle, Limits.DEFAULT, 1, (s, m) -> events.add(s + ": " + m));
        assertEquals(List.of("original", "accused", "generation-folder", "generation-folder"),
                run.report().exhibits().stream().map(e -> e.role()).toList());
        assertEquals("data/steps/00001-1.png", run.report().exhibits().get(2).path()); // relative to the bag
        Finding integrity = run.report().findings().get(0);
        assertEquals("bundle.integrity", integrity.rule());
        assertEquals(Bags.bundleHash(bundle), integrity.data().get("bundleHash"));
        assertTrue(run.report().findings().stream().anyMatch(f -> f.rule().equals("metadata.inventory")));
        assertTrue(events.stream().anyMatch(e -> e.startsWith("metadata: (1/")), events.toString());
        assertTrue(run.policyPassed(), "no checks, nothing fails");
    }

    @Test
    void policyChecksPassOrFailOneByOne() throws Exception {
        Path bundle = TestBundles.sealed(tmp, CHECKS);
        BundleRunner.Run run = BundleRunner.run(bundle, Limits.DEFAULT, 2, Progress.NONE);
        assertEquals(List.of(true, true, false), run.checks().stream().map(Policy::passed).toList());
        // two different generated scenes: the similarity analysis runs and speaks against a copy
        assertTrue(run.checks().get(2).statement().contains("strongest verdict is contradicts"),
                run.checks().get(2).statement());
        assertFalse(run.policyPassed());
    }

    @Test
    void anAlteredBundleIsNotAnalysed() throws Exception {
        Path bundle = TestBundles.sealed(tmp, "");
        Files.writeString(bundle.resolve("data/extra.txt"), "planted");
        BundleAlteredException e = assertThrows(BundleAlteredException.class,
                () -> BundleRunner.run(bundle, Limits.DEFAULT, 1, Progress.NONE));
        assertEquals("data/extra.txt", e.result().problems().get(0).path());
    }

    @Test
    void manifestReferencesAreCheckedWithTheirLines() throws Exception {
        InputException unknown = assertThrows(InputException.class, () -> TestBundles.sealed(tmp.resolve("a"), """
                analyses:
                  - analysis: simlarity
                """));
        assertTrue(unknown.getMessage().contains("exhibit.yaml:15: analyses[0].analysis: unknown analysis 'simlarity'"),
                unknown.getMessage());
        InputException param = assertThrows(InputException.class, () -> TestBundles.sealed(tmp.resolve("b"), """
                analyses:
                  - analysis: metadata
                    params: {threshold: 3}
                """));
        assertTrue(param.getMessage().contains(":16: analyses[0].params.threshold: analysis 'metadata' has no parameter"),
                param.getMessage());
        InputException input = assertThrows(InputException.class, () -> TestBundles.sealed(tmp.resolve("c"), """
                analyses:
                  - analysis: metadata
                    inputs: {original: nope.png}
                """));
        assertTrue(input.getMessage().contains("'nope.png' is not an exhibit's file"), input.getMessage());
    }
}
