package org.exhibit.bundle;

import org.exhibit.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ManifestYamlTest {

    @TempDir
    Path tmp;

    private static final String HEAD = """
            exhibit-manifest: 1
            case: Li v. Liu
            date: 2026-11-20T09:00:00Z
            exhibits:
              - file: a.png
                role: original
            """;

    @Test
    void readsEveryPart() throws Exception {
        CaseManifest m = read(HEAD + """
                analyses:
                  - analysis: metadata
                    id: meta
                    inputs: {original: a.png}
                checks:
                  - id: copy
                    name: the accused image copies the original
                    rule: similarity.*
                    verdict-at-least: indicates
                  - id: pdq
                    rule: similarity.pdq
                    measurement: hamming
                    max: 31
                """).manifest();
        assertEquals("Li v. Liu", m.caseName());
        assertEquals("original", m.exhibits().get(0).role());
        assertEquals("meta", m.analyses().get(0).name());
        assertEquals("a.png", m.analyses().get(0).inputs().get("original"));
        assertEquals(31.0, m.checks().get(1).max());
        assertEquals("indicates", m.checks().get(0).verdictAtLeast());
    }

    @Test
    void writingAndReadingAgainGivesTheSameManifest() throws Exception {
        CaseManifest m = read(HEAD + "checks:\n  - {id: c, rule: similarity.conclusion, verdict-at-most: info}\n").manifest();
        Files.write(tmp.resolve("again.yaml"), ManifestYaml.write(m));
        assertEquals(m, ManifestYaml.read(tmp.resolve("again.yaml")).manifest());
    }

    @Test
    void errorsNameTheLine() {
        assertError(HEAD.replace("    role: original", "    rol: original"), ":6", "unknown key 'rol'");
        assertError(HEAD.replace("role: original", "role: orignal"), ":6", "exhibits[0].role: unknown role 'orignal'");
        assertError(HEAD.replace("2026-11-20T09:00:00Z", "20 Nov 2026"), ":3", "not an ISO-8601");
        assertError(HEAD.replace("exhibit-manifest: 1", "exhibit-manifest: 2"), ":1", "exhibit-manifest must be 1");
        assertError(HEAD + "checks:\n  - id: c\n    rule: metadata.inventory\n    verdict-at-least: likely\n", ":8", "unknown verdict 'likely'");
        assertError(HEAD + "checks:\n  - id: c\n    rule: metadata.inventory\n    min: 3\n", ":8", "'min'/'max' need a 'measurement'");
        assertError(HEAD + "checks:\n  - id: c\n    rule: similarity.conclusoin\n    verdict-at-least: indicates\n", ":9",
                "no finding has rule 'similarity.conclusoin'");
        assertError(HEAD + "checks:\n  - id: c\n    rule: simlarity.*\n    verdict-at-least: indicates\n", ":9",
                "no finding has rule 'simlarity.*'");
        assertError(HEAD + "  - file: a.png\n    role: accused\n", ":7", "listed twice");
        assertError(HEAD + "exhibits: [", ":", "not valid YAML");
        assertError(HEAD + "checks: 3\n", ":7", "checks");
    }

    private ManifestYaml.Parsed read(String yaml) throws Exception {
        Path f = tmp.resolve("exhibit.yaml");
        Files.writeString(f, yaml);
        return ManifestYaml.read(f);
    }

    private void assertError(String yaml, String line, String problem) {
        InputException e = assertThrows(InputException.class, () -> read(yaml), yaml);
        String msg = e.getMessage();
        if (!msg.contains("exhibit.yaml" + line) || !msg.contains(problem)) {
            throw new AssertionError("expected line " + line + " and '" + problem + "' in: " + msg);
        }
    }
}
