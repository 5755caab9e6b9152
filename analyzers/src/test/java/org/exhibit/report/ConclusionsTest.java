package org.exhibit.report;

import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Method;
import org.exhibit.evidence.Report;
import org.exhibit.evidence.ToolInfo;
import org.exhibit.evidence.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The conclusions page answers each question with the analysis's combined conclusion, never a stronger single method. */
class ConclusionsTest {

    @Test
    void theAnswerIsTheCombinedConclusionNotTheStrongestMethod() {
        Method m = new Method("m", "1", "r");
        Finding pdq = Finding.builder("similarity", "similarity.pdq", m).verdict(Verdict.STRONGLY_INDICATES)
                .statement("PDQ says copy.").build();
        Finding conclusion = Finding.builder("similarity", "similarity.conclusion", m).verdict(Verdict.INDICATES)
                .statement("Combined: indicates a copy.").build();
        Map<String, Object> step = Map.of("id", "similarity", "question", "Is it a copy?", "method", "plain words",
                "conclusionRule", "similarity.conclusion", "firstFinding", 0, "findings", 2, "inputs", Map.of(),
                "params", Map.of(), "analysis", "similarity");
        Map<String, Object> options = Map.of("analyses", List.of(step), "manifest", Map.of(), "bundle",
                Map.of("name", "case", "sha256", "ab".repeat(32), "files", 2, "payloadBytes", 10, "hashOf", "t"));
        Report r = new Report(Report.SCHEMA, "Case", ToolInfo.current(), "2026-11-20T09:00:00Z", options, List.of(),
                List.of(pdq, conclusion), List.of());
        String html = HtmlReportWriter.render(r);
        String page1 = html.substring(html.indexOf("1. Conclusions"), html.indexOf("2. Exhibits"));
        assertTrue(page1.contains("v-indicates"), page1);
        assertFalse(page1.contains("strongly-indicates"), page1);
        assertTrue(page1.contains("Combined: indicates a copy."), page1);
        assertFalse(page1.contains("PDQ says copy."), page1);
    }
}
