package org.exhibit.label;

import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Verdict;
import org.exhibit.fixtures.JpegBuilder;
import org.exhibit.fixtures.Labels;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.exhibit.io.Inputs;
import org.exhibit.io.Limits;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each per-file status, with the pointer it rests on. */
class LabelStatusTest {

    static final Path CHATGPT = Path.of(System.getProperty("exhibit.shared", "../shared"),
            "samples/sd/c2pa_png_chatgpt-image2.png");

    @TempDir
    Path dir;

    @Test
    void noncompliantLabelNamesTheFieldAndClause() throws Exception {
        String bad = "{\"Label\":1,\"ContentProducer\":\"\",\"ProduceID\":\"x\",\"ContentPropagator\":\"P\"}";
        byte[] png = PngBuilder.rgb(Pictures.scene(32, 32, 1)).text("AIGC", bad).build();
        LabelTestSupport.Run r = LabelTestSupport.run(dir, "bad.png", png);
        Finding f = r.only("label.implicit-noncompliant");
        assertEquals(Verdict.INDICATES, f.verdict());
        List<?> problems = (List<?>) f.data().get("problems");
        assertEquals(3, problems.size(), problems.toString()); // Label a number, ContentProducer empty, PropagateID missing
        assertTrue(f.statement().contains("Label is a JSON number"), f.statement());
        assertEquals("labelled-noncompliant", r.statusName());
        assertTrue(r.status().evidence().stream().anyMatch(p -> "ContentProducer".equals(p.field())
                && p.offset() == 33L), r.status().evidence().toString());
    }

    @Test
    void damagedPixelsDoNotHideTheLabel() throws Exception {
        byte[] png = PngBuilder.rgb(Pictures.scene(64, 64, 3)).text("AIGC", Labels.aigc("1", "Acme", "7")).build();
        byte[] cut = java.util.Arrays.copyOf(png, png.length - 40); // IEND and the end of IDAT gone
        LabelTestSupport.Run whole = LabelTestSupport.run(dir, "whole.png", png, true);
        LabelTestSupport.Run r = LabelTestSupport.run(dir, "cut.png", cut, true);
        assertEquals(whole.statusName(), r.statusName(), "the label in the text chunk still counts");
        assertEquals("inconclusive", r.only("label.pixels-unreadable").verdict().label());
        assertEquals(whole.rule("label.implicit").size(), r.rule("label.implicit").size());
    }

    @Test
    void duplicateLabelsAreFlaggedWithBothPlaces() throws Exception {
        String label = Labels.aigc("1", "Acme", "1");
        byte[] png = PngBuilder.rgb(Pictures.scene(32, 32, 2)).text("AIGC", label)
                .internationalText("XML:com.adobe.xmp", Labels.xmp(label, null), false).build();
        LabelTestSupport.Run r = LabelTestSupport.run(dir, "dup.png", png);
        Finding d = r.only("label.duplicate");
        assertEquals(2, d.evidence().size());
        assertEquals("labelled-noncompliant", r.statusName());
    }

    @Test
    void strippedLabelPointsIntoTheOriginal() throws Exception {
        var scene = Pictures.scene(64, 64, 3);
        Path orig = dir.resolve("orig.png");
        Files.write(orig, PngBuilder.rgb(scene).internationalText("AIGC", Labels.aigc("1", "Acme", "9"), false).build());
        Path copy = dir.resolve("copy.jpg");
        Files.write(copy, JpegBuilder.of(scene).build());
        Exhibit eo = Inputs.open(orig, "original", Limits.DEFAULT);
        Exhibit ec = Inputs.open(copy, "suspect", Limits.DEFAULT);
        var opts = new LabelAnalyzer.Options(false, null);
        var ro = LabelAnalyzer.analyze(eo, orig, Limits.DEFAULT, opts);
        var rc = LabelAnalyzer.analyze(ec, copy, Limits.DEFAULT, opts);
        Finding s = LabelAnalyzer.status(ec, rc.marks(), ro.marks(), eo);
        assertEquals("label-stripped", s.data().get("status"));
        EvidencePointer inOriginal = s.evidence().get(0);
        assertEquals(eo.sha256(), inOriginal.exhibit());
        assertEquals("PNG iTXt", inOriginal.carrier());
        assertEquals(33L, inOriginal.offset());
        assertEquals(ec.sha256(), s.evidence().get(1).exhibit());
    }

    @Test
    void iptcAiSourceTypeWithoutLabelIsGeneratedButUnlabelled() throws Exception {
        String xmp = Labels.xmp(null, "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia");
        byte[] jpg = JpegBuilder.of(Pictures.scene(40, 40, 4)).segment(0xE1, Labels.jpegXmp(xmp)).build();
        LabelTestSupport.Run r = LabelTestSupport.run(dir, "iptc.jpg", jpg);
        EvidencePointer p = r.only("label.iptc-source-type").evidence().get(0);
        assertEquals(LabelTestSupport.indexOf(jpg, "<Iptc4xmpExt:DigitalSourceType>"), p.offset());
        assertEquals("generated-but-unlabelled", r.statusName());
    }

    @Test
    void sdRecordIsAGeneratorMark() throws Exception {
        String infotext = "a cat\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 42, Size: 32x32, Model: sd_xl_base_1.0";
        byte[] png = PngBuilder.rgb(Pictures.scene(32, 32, 7)).text("parameters", infotext).build();
        LabelTestSupport.Run r = LabelTestSupport.run(dir, "sd.png", png);
        EvidencePointer p = r.only("label.sd-metadata").evidence().get(0);
        assertEquals(LabelTestSupport.indexOf(png, "parameters"), p.offset());
        assertEquals("generated-but-unlabelled", r.statusName());
        assertEquals(p, r.status().evidence().get(0));
    }

    @Test
    void plainFileHasNoEvidenceEitherWay() throws Exception {
        LabelTestSupport.Run r = LabelTestSupport.run(dir, "plain.png", PngBuilder.rgb(Pictures.scene(32, 32, 5)).build());
        assertEquals("no-evidence", r.statusName());
        assertEquals(Verdict.INCONCLUSIVE, r.status().verdict());
        assertTrue(r.status().evidence().get(0).carrier().contains("PNG tEXt/zTXt/iTXt AIGC"));
    }

    @Test
    void xmpWithDtdIsRefusedUnread() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + Labels.xmp("&e;", null).replaceFirst("<\\?xpacket[^>]*>", "");
        byte[] png = PngBuilder.rgb(Pictures.scene(32, 32, 6)).internationalText("XML:com.adobe.xmp", xxe, false).build();
        LabelTestSupport.Run r = LabelTestSupport.run(dir, "xxe.png", png);
        assertTrue(r.only("label.xmp-unreadable").statement().contains("DTD"));
        assertEquals(0, r.rule("label.implicit").size() + r.rule("label.implicit-noncompliant").size());
    }

    @Test
    void chatGptImageExactValues() throws Exception {
        Assumptions.assumeTrue(Files.exists(CHATGPT), "shared sample " + CHATGPT + " absent");
        LabelTestSupport.Run r = LabelTestSupport.run(dir, "chatgpt.png", Files.readAllBytes(CHATGPT));
        Finding c = r.only("label.c2pa");
        C2paManifest m = (C2paManifest) c.data().get("manifest");
        assertEquals("urn:c2pa:3f285491-5d6e-4238-9e7f-ee730b0c4f3a", m.label());
        assertEquals("c2pa.claim.v2", m.claimVersion());
        assertEquals("OpenAI Media Service API", m.claimGenerator());
        assertEquals("CN=OpenAI Media Service,O=OpenAI OpCo\\, LLC,C=US", m.signer().subject());
        assertEquals("ES256", m.signatureAlgorithm());
        assertEquals(Boolean.TRUE, m.signatureValid());
        assertEquals(List.of("c2pa.created", "c2pa.converted", "c2pa.watermarked.unbound"),
                m.actions().stream().map(C2paManifest.Action::action).toList());
        assertEquals("gpt-image 2.0", m.actions().get(0).softwareAgent());
        assertEquals(List.of("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"), m.digitalSourceTypes());
        assertEquals(4, m.assertionsMatched());
        assertEquals(4, m.assertionsChecked());
        assertTrue(m.dataHash().matches());
        assertEquals("d1365c1c24702706ed02fc7be19e5914e44a0aefb733ba10ff3e85b957998e7e", m.dataHash().expected());
        assertEquals(List.of(33L, 24934L), List.of(m.dataHash().exclusions().get(0)[0], m.dataHash().exclusions().get(0)[1]));
        EvidencePointer p = c.evidence().get(0);
        assertEquals("PNG caBX", p.carrier());
        assertEquals(33L, p.offset());
        assertEquals(24934L, p.length());
        assertEquals(0, r.rule("label.c2pa-tampered").size());
        assertEquals("generated-but-unlabelled", r.statusName());
    }

    @Test
    void chatGptImageWithOneByteChangedNoLongerMatches() throws Exception {
        Assumptions.assumeTrue(Files.exists(CHATGPT), "shared sample " + CHATGPT + " absent");
        byte[] b = Files.readAllBytes(CHATGPT);
        b[b.length - 100] ^= 1; // inside the image data, outside the manifest
        LabelTestSupport.Run r = LabelTestSupport.run(dir, "tampered.png", b);
        Finding t = r.only("label.c2pa-tampered");
        assertEquals(Verdict.STRONGLY_INDICATES, t.verdict());
        assertEquals(0.0, t.measurement("data hash matches"));
    }
}
