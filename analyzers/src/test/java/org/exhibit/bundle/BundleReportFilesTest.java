package org.exhibit.bundle;

import org.exhibit.analysis.Progress;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.exhibit.evidence.Report;
import org.exhibit.io.Limits;
import org.exhibit.models.ModelStore;
import org.exhibit.models.ModelUnavailableException;
import org.exhibit.report.HtmlReportWriter;
import org.exhibit.report.JUnitXmlWriter;
import org.exhibit.report.PdfReportWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The renderings of a bundle run: JUnit XML for CI, the court's HTML, and its PDF. */
class BundleReportFilesTest {

    @TempDir
    static Path tmp;
    static Report report;

    @BeforeAll
    static void run() throws Exception {
        Path bundle = TestBundles.sealed(tmp, """
                checks:
                  - id: intact
                    rule: bundle.integrity
                    verdict-at-most: info
                  - id: copy-found
                    name: a similarity analysis found a copy <of the original> & said so
                    rule: similarity.*
                    verdict-at-least: indicates
                """);
        report = BundleRunner.run(bundle, Limits.DEFAULT, 1, Progress.NONE).report();
    }

    @Test
    void junitXmlValidatesAgainstTheCommonSchemaWithOneTestCasePerCheck() throws Exception {
        byte[] xml = JUnitXmlWriter.write(report);
        validator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        String s = new String(xml, StandardCharsets.UTF_8);
        int steps = ((java.util.List<?>) report.options().get("analyses")).size();
        assertTrue(steps > 0);
        // one case per check (2) and per analysis step; the failed check is the one failure, no step erred
        assertTrue(s.contains("tests=\"" + (2 + steps) + "\" failures=\"1\" errors=\"0\""), s);
        assertTrue(s.contains("classname=\"exhibit.analysis\""), s);
        assertTrue(s.contains("<testcase name=\"intact\" classname=\"exhibit.policy\" time=\"0\">\n      <system-out>"), s);
        assertTrue(s.contains("<testcase name=\"copy-found\" classname=\"exhibit.policy\" time=\"0\">\n      <failure"), s);
        assertArrayEquals(xml, JUnitXmlWriter.write(report), "deterministic");
    }

    @Test
    void theSchemaCheckCanFail() throws Exception {
        byte[] bad = "<testsuites><testsuite name=\"x\" tests=\"one\" failures=\"0\" errors=\"0\"/></testsuites>"
                .getBytes(StandardCharsets.UTF_8);
        assertThrows(SAXException.class, () -> validator().validate(new StreamSource(new ByteArrayInputStream(bad))));
    }

    @Test
    void theCourtHtmlIsWellFormedAndCarriesCoverExhibitsMethodsAndAppendix() throws Exception {
        String html = HtmlReportWriter.render(report);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        String hash = (String) report.findings().get(0).data().get("bundleHash");
        for (String part : new String[]{"Expert report on digital evidence", "Li v. Liu (李某诉刘某)", "2026-11-20T09:00:00Z",
                hash, "1. Conclusions", "2. Exhibits", "plaintiff&#39;s upload", "Method in plain words:",
                "What does each exhibit say about itself", "FAILED", "Appendix A. Parameters",
                "Appendix C. Repeating this analysis", report.exhibits().get(0).sha256().substring(0, 32)}) {
            assertTrue(html.contains(part), "missing: " + part);
        }
    }

    @Test
    void thePdfRendersTheCaseInChinese() throws Exception {
        try {
            ModelStore.path("font-noto-sans-sc");
        } catch (ModelUnavailableException e) {
            Assumptions.abort("report font not fetched (run ./setup): " + e.getMessage());
        }
        byte[] pdf = PdfReportWriter.write(report);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 4, "cover, conclusions, analyses, appendix");
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(1);
            text.setEndPage(1);
            String cover = text.getText(doc);
            assertTrue(cover.contains("Li v. Liu (李某诉刘某)"), cover);
            assertEquals(1, doc.getPage(0).getResources().getFontNames().iterator().hasNext() ? 1 : 0);
        }
    }

    private static Validator validator() throws Exception {
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        return sf.newSchema(BundleReportFilesTest.class.getResource("/org/exhibit/report/junit.xsd")).newValidator();
    }
}
