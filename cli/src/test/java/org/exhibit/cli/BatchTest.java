package org.exhibit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exhibit.fixtures.JpegBuilder;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.exhibit.fixtures.SdInfotext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batch semantics: a folder of 2,000 files of which 5 % are corrupt. Every good file gets its result, every bad
 * one is named once (report and stderr), and the exit code is 3 only after all were done.
 */
class BatchTest {

    @TempDir
    static Path dir;

    static Path folder;
    static final Set<String> bad = new TreeSet<>();
    static final Set<String> good = new TreeSet<>();

    @BeforeAll
    static void corpus() throws Exception {
        folder = Files.createDirectories(dir.resolve("store/sub"));
        byte[] png = PngBuilder.rgb(Pictures.scene(16, 16, 1)).text("parameters", SdInfotext.liVLiu().text()).build();
        byte[] jpg = JpegBuilder.of(Pictures.scene(16, 16, 2)).build();
        for (int i = 0; i < 2000; i++) {
            boolean corrupt = i % 20 == 7;
            boolean isPng = i % 2 == 0;
            Path f = (i % 3 == 0 ? folder : folder.getParent()).resolve(String.format("f%04d.%s", i, isPng ? "png" : "jpg"));
            byte[] bytes = isPng ? png : jpg;
            if (corrupt) {
                // empty, a header cut short, or a PNG signature followed by garbage
                bytes = switch (i % 3) {
                    case 0 -> new byte[0];
                    case 1 -> Arrays.copyOf(bytes, 20);
                    default -> ("\u0089PNG\r\n\u001a\n" + "garbage".repeat(5)).getBytes(StandardCharsets.ISO_8859_1);
                };
                bad.add(f.toString());
            } else {
                good.add(f.toString());
            }
            Files.write(f, bytes);
        }
    }

    private static JsonNode run(String... args) throws Exception {
        CliTestSupport.Run r = CliTestSupport.run(args);
        JsonNode report = new ObjectMapper().readTree(r.out());
        Set<String> reported = new HashSet<>();
        report.get("exhibits").forEach(e -> reported.add(e.get("path").asText()));
        Set<String> named = new HashSet<>();
        report.path("problems").forEach(p -> named.add(p.get("file").asText()));
        Set<String> analysed = new HashSet<>(reported);
        analysed.removeAll(named);
        List<String> errLines = r.err().lines().toList();
        String what = String.join(" ", args);
        assertEquals(ExitCodes.INPUT, r.exitCode(), what);
        assertTrue(analysed.containsAll(good), what + ": every good file is reported");
        for (String b : bad) {
            assertTrue(named.contains(b) || analysed.contains(b), what + ": " + b + " is reported");
        }
        for (String n : named) {
            assertEquals(1, errLines.stream().filter(l -> l.startsWith("exhibit: " + n + ": ")).count(),
                    what + ": " + n + " is named once on stderr");
        }
        assertTrue(named.size() >= bad.size() / 3, what + ": at least the empty files are named, got " + named.size());
        return report;
    }

    @Test
    void inspectReportsEveryFileAndNamesEveryBadOne() throws Exception {
        JsonNode report = run("inspect", "-r", dir.resolve("store").toString(), "--format", "json");
        assertEquals(bad.size(), report.get("problems").size(), "every corrupt file is a problem for inspect");
    }

    @Test
    void sdShowReportsEveryFile() throws Exception {
        JsonNode report = run("sd", "show", "-r", dir.resolve("store").toString(), "--format", "json");
        long records = 0;
        for (JsonNode f : report.get("findings")) {
            records += f.get("rule").asText().equals("sd.generation-record") ? 1 : 0;
        }
        assertEquals(good.stream().filter(g -> g.endsWith(".png")).count(), records, "one record per good PNG");
    }

    @Test
    void labelReportsEveryFile() throws Exception {
        Path list = dir.resolve("list.txt");
        Files.write(list, new TreeSet<>(java.util.stream.Stream.concat(good.stream(), bad.stream()).toList()),
                StandardCharsets.UTF_8);
        run("label", "--no-ocr", "--no-watermark", "--files-from", list.toString(), "--format", "json");
    }
}
