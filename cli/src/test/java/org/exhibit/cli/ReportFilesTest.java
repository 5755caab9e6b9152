package org.exhibit.cli;

import org.exhibit.evidence.Hashing;
import org.exhibit.fixtures.Audio;
import org.exhibit.fixtures.JpegBuilder;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportFilesTest {

    @TempDir
    Path dir;

    private List<Path> inputs() throws Exception {
        Path png = dir.resolve("in.png");
        Files.write(png, PngBuilder.rgb(Pictures.scene(48, 40, 9)).internationalText("parameters", "猫, 1girl\nSteps: 20", false).build());
        Path jpg = dir.resolve("in.jpg");
        Files.write(jpg, JpegBuilder.of(Pictures.scene(40, 40, 10)).ascii(0x0131, "tool").build());
        Path wav = dir.resolve("in.wav");
        Files.write(wav, Audio.wav(Audio.tone(220, 0.5, 8000, 0.3), 8000));
        return List.of(png, jpg, wav);
    }

    private String[] args(List<Path> in, String... head) {
        String[] a = new String[head.length + in.size()];
        System.arraycopy(head, 0, a, 0, head.length);
        for (int i = 0; i < in.size(); i++) {
            a[head.length + i] = in.get(i).toString();
        }
        return a;
    }

    @Test
    void sameInputsGiveByteIdenticalJsonAndInputsAreUntouched() throws Exception {
        List<Path> in = inputs();
        List<String> before = in.stream().map(p -> {
            try {
                return Hashing.sha256Hex(p) + Files.getLastModifiedTime(p);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }).toList();
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        assertEquals(0, CliTestSupport.run(args(in, "inspect", "-f", "json", "-o", a.toString(), "--report-dir",
                dir.resolve("ra").toString())).exitCode());
        assertEquals(0, CliTestSupport.run(args(in, "inspect", "-f", "json", "-o", b.toString())).exitCode());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        List<String> after = in.stream().map(p -> {
            try {
                return Hashing.sha256Hex(p) + Files.getLastModifiedTime(p);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }).toList();
        assertEquals(before, after);
        for (String f : List.of("report.json", "report.html", "report.pdf")) {
            assertTrue(Files.size(dir.resolve("ra").resolve(f)) > 0, f);
        }
        assertTrue(new String(Files.readAllBytes(dir.resolve("ra/report.pdf")), 0, 5, StandardCharsets.US_ASCII)
                .startsWith("%PDF-"));
    }

    @Test
    void htmlIsSelfContainedWellFormedXml() throws Exception {
        List<Path> in = inputs();
        Path html = dir.resolve("r.html");
        assertEquals(0, CliTestSupport.run(args(in, "inspect", "-f", "html", "-o", html.toString())).exitCode());
        String s = Files.readString(html);
        assertFalse(s.contains("<script"), "no scripts");
        assertFalse(s.matches("(?s).*(src|href)=\"(?!data:|#).*"), "no external references");
        assertTrue(s.contains("猫"), "non-Latin text survives");
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.newDocumentBuilder().parse(html.toFile()); // throws if not well-formed (the PDF renderer needs XML)
    }

    @Test
    void refusesToWriteTheReportOverAnInput() throws Exception {
        List<Path> in = inputs();
        byte[] before = Files.readAllBytes(in.get(0));
        CliTestSupport.Run r = CliTestSupport.run(args(in, "inspect", "-f", "json", "-o", in.get(0).toString()));
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("is an input of this run"), r.err());
        assertArrayEquals(before, Files.readAllBytes(in.get(0)));
    }

    @Test
    void versionNamesTheBuild() {
        CliTestSupport.Run r = CliTestSupport.run("--version");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().matches("exhibit \\S+ \\(commit \\S+\\)\\s*"), r.out());
    }
}
