package org.exhibit.label;

import org.exhibit.io.container.Bytes;
import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.io.Inputs;
import org.exhibit.io.Limits;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Runs the analyzer on bytes written to a temporary file and checks the rules every finding must keep. */
final class LabelTestSupport {

    record Run(Exhibit exhibit, List<Finding> findings, Finding status) {
        List<Finding> rule(String rule) {
            return findings.stream().filter(f -> f.rule().equals(rule)).toList();
        }

        Finding only(String rule) {
            List<Finding> f = rule(rule);
            assertEquals(1, f.size(), () -> rule + " in " + findings);
            return f.get(0);
        }

        String statusName() {
            return (String) status.data().get("status");
        }
    }

    private LabelTestSupport() {
    }

    static Run run(Path dir, String name, byte[] bytes) throws Exception {
        return run(dir, name, bytes, false);
    }

    static Run run(Path dir, String name, byte[] bytes, boolean watermark) throws Exception {
        return run(dir, name, bytes, new LabelAnalyzer.Options(watermark, null));
    }

    /** With C2PA trust anchors (null: trust not checked). */
    static Run trusting(Path dir, String name, byte[] bytes, List<java.security.cert.X509Certificate> trust)
            throws Exception {
        return run(dir, name, bytes, new LabelAnalyzer.Options(false, null, null, trust));
    }

    static Run run(Path dir, String name, byte[] bytes, LabelAnalyzer.Options options) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        Exhibit e = Inputs.open(file, "input", Limits.DEFAULT);
        LabelAnalyzer.Result r = LabelAnalyzer.analyze(e, file, Limits.DEFAULT, options);
        Finding status = LabelAnalyzer.status(e, r.marks(), null, null);
        List<Finding> all = new ArrayList<>(r.findings());
        all.add(status);
        everyFlagHasEvidence(e, all);
        return new Run(e, all, status);
    }

    /** No flag without evidence: every finding points into the exhibit with a range, region or field. */
    static void everyFlagHasEvidence(Exhibit e, List<Finding> findings) {
        for (Finding f : findings) {
            assertFalse(f.evidence().isEmpty(), () -> f.rule() + " has no evidence pointer");
            for (EvidencePointer p : f.evidence()) {
                assertNotNull(p.exhibit(), f.rule());
                assertNotNull(p.carrier(), f.rule());
                boolean located = p.offset() != null && p.length() != null || p.region() != null || p.field() != null;
                assertFalse(!located, () -> f.rule() + " pointer locates nothing: " + p);
            }
        }
    }

    static int indexOf(byte[] hay, String needle) {
        return Bytes.indexOf(hay, needle.getBytes(StandardCharsets.UTF_8), 0);
    }
}
