package org.exhibit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exhibit.evidence.Hashing;
import org.exhibit.fixtures.Labels;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelCommandTest {

    @TempDir
    Path dir;

    @Test
    void writeThenReadBackThroughTheCli() throws Exception {
        Path in = dir.resolve("plain.png");
        Files.write(in, PngBuilder.rgb(Pictures.scene(48, 48, 1)).build());
        String before = Hashing.sha256Hex(in);
        Path out = dir.resolve("labelled.png");
        CliTestSupport.Run w = CliTestSupport.run("label", "write", in.toString(), "--producer", "Example AI Ltd",
                "--produce-id", "2025-0001", "--out", out.toString(), "--format", "json");
        assertEquals(0, w.exitCode(), w.err());
        assertEquals(before, Hashing.sha256Hex(in), "input untouched");
        JsonNode wr = new ObjectMapper().readTree(w.out());
        assertEquals("PNG iTXt AIGC", wr.at("/options/carrier").asText());
        assertTrue(wr.at("/options/inputSha256Unchanged").asBoolean());

        CliTestSupport.Run r = CliTestSupport.run("label", "--no-ocr", "--format", "json", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        JsonNode status = null;
        for (JsonNode f : report.get("findings")) {
            assertFalse(f.path("evidence").isEmpty(), "every flag has evidence: " + f);
            if (f.get("rule").asText().equals("label.status")) {
                status = f;
            }
        }
        assertEquals("labelled-compliant", status.at("/data/status").asText());
        assertEquals(33, status.at("/evidence/0/offset").asInt());

        CliTestSupport.Run again = CliTestSupport.run("label", "write", out.toString(), "--producer", "X",
                "--out", dir.resolve("twice.png").toString());
        assertEquals(3, again.exitCode(), "a second label is refused");
        assertTrue(again.err().contains("already carries an implicit label"), again.err());
    }

    @Test
    void strippedAgainstAnOriginalFailsOnIndicates() throws Exception {
        var scene = Pictures.scene(48, 48, 2);
        Path orig = dir.resolve("orig.png");
        Files.write(orig, PngBuilder.rgb(scene).text("AIGC", Labels.aigc("1", "Acme", "7")).build());
        Path copy = dir.resolve("copy.png");
        Files.write(copy, PngBuilder.rgb(scene).build());
        CliTestSupport.Run r = CliTestSupport.run("label", "--no-ocr", "--no-watermark", "--original", orig.toString(),
                "--fail-on", "indicates", copy.toString());
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(r.out().contains("label-stripped") || r.out().contains("lacks 1 label"), r.out());
    }

    @Test
    void trustAnchorsFromTheCommandLine() throws Exception {
        Path signed = dir.resolve("signed.png");
        Files.write(signed, org.exhibit.fixtures.C2paBuilder.of("Exhibit Test Generator",
                "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia")
                .png(PngBuilder.rgb(Pictures.scene(40, 40, 3)).build()));
        Path root = dir.resolve("root.pem");
        Files.writeString(root, org.exhibit.fixtures.C2paBuilder.rootPem());
        Path other = dir.resolve("other.pem");
        Files.writeString(other, org.exhibit.fixtures.C2paBuilder.rootPem());
        for (String[] args : new String[][]{
                {"--trust", root.toString()}, {"--trust", other.toString(), "--trust", root.toString()}, {}}) {
            java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("label", "--no-ocr",
                    "--no-watermark", "--format", "json"));
            cmd.addAll(java.util.List.of(args));
            cmd.add(signed.toString());
            CliTestSupport.Run r = CliTestSupport.run(cmd.toArray(String[]::new));
            assertEquals(0, r.exitCode(), r.err());
            JsonNode v = null;
            for (JsonNode f : new ObjectMapper().readTree(r.out()).get("findings")) {
                if (f.get("rule").asText().equals("label.c2pa")) {
                    v = f.at("/data/manifest/validation");
                }
            }
            assertEquals("valid", v.get("outcome").asText());
            assertEquals(args.length == 0 ? "not checked" : "trusted", v.get("trust").asText(), v.toString());
            assertEquals(args.length != 0, v.get("success").toString().contains("signingCredential.trusted"));
        }
        Path notPem = dir.resolve("x.pem");
        Files.writeString(notPem, "not a certificate");
        CliTestSupport.Run bad = CliTestSupport.run("label", "--no-ocr", "--trust", notPem.toString(), signed.toString());
        assertEquals(2, bad.exitCode(), bad.out() + bad.err());
        assertTrue(bad.err().contains("trust:"), bad.err());
    }
}
