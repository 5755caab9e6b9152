package org.exhibit.label;

import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Finding;
import org.exhibit.fixtures.C2paBuilder;
import org.exhibit.fixtures.JpegBuilder;
import org.exhibit.fixtures.Labels;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A manifest signed here (Ed25519 test signer) in each carrier: read, bound, verified; then broken on purpose. */
class C2paBuiltTest {

    static final String AI = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";

    @TempDir
    Path dir;

    private static C2paManifest manifestOf(LabelTestSupport.Run r) {
        return (C2paManifest) r.only("label.c2pa").data().get("manifest");
    }

    private static void assertIntact(C2paManifest m) {
        assertEquals("Exhibit Test Generator 1.0", m.claimGenerator());
        assertEquals("exhibit test image", m.title());
        assertEquals(List.of(AI), m.digitalSourceTypes());
        assertEquals("c2pa.created", m.actions().get(0).action());
        assertEquals("Exhibit Test Generator", m.actions().get(0).softwareAgent());
        assertEquals("C=CN,O=Exhibit Tests,CN=exhibit test signer ES256", m.signer().subject()); // RFC 2253: last RDN first
        assertEquals("ES256", m.signatureAlgorithm());
        assertEquals(C2paManifest.VALID, m.validation().outcome(), m.validation().failure().toString());
        assertEquals(Boolean.TRUE, m.signatureValid(), m.signatureNote());
        assertEquals(2, m.assertionsChecked());
        assertEquals(2, m.assertionsMatched());
        assertTrue(m.dataHash().matches(), m.dataHash().toString());
    }

    @Test
    void pngJpegWebpCarriers() throws Exception {
        C2paBuilder b = C2paBuilder.of("Exhibit Test Generator", AI);
        byte[] png = b.png(PngBuilder.rgb(Pictures.scene(40, 40, 1)).build());
        assertArrayEquals(png, b.png(PngBuilder.rgb(Pictures.scene(40, 40, 1)).build()), "fixture bytes repeat");
        LabelTestSupport.Run r = LabelTestSupport.run(dir, "c.png", png);
        assertIntact(manifestOf(r));
        EvidencePointer p = r.only("label.c2pa").evidence().get(0);
        assertEquals(33L, p.offset());
        assertEquals("generated-but-unlabelled", r.statusName());

        byte[] jpg = b.jpegSegment(700).jpeg(JpegBuilder.of(Pictures.scene(40, 40, 2)).build());
        assertTrue(countApp11(jpg) >= 3, "manifest split over several APP11 segments");
        r = LabelTestSupport.run(dir, "c.jpg", jpg);
        assertIntact(manifestOf(r));
        assertEquals("JPEG APP11 JUMBF", r.only("label.c2pa").evidence().get(0).carrier());

        byte[] webp = b.webp(Labels.webpSimple());
        r = LabelTestSupport.run(dir, "c.webp", webp);
        assertIntact(manifestOf(r));
    }

    @Test
    void changedPixelsAndChangedClaimAreCaught() throws Exception {
        C2paBuilder b = C2paBuilder.of("Exhibit Test Generator", AI);
        byte[] png = b.png(PngBuilder.rgb(Pictures.scene(40, 40, 3)).build());
        byte[] pixels = png.clone();
        pixels[pixels.length - 20] ^= 0x01; // inside IDAT, outside the manifest
        LabelTestSupport.Run r = LabelTestSupport.run(dir, "p.png", pixels);
        Finding t = r.only("label.c2pa-tampered");
        assertTrue(t.statement().contains("not the signed"), t.statement());
        assertFalse(manifestOf(r).dataHash().matches());
        assertEquals(Boolean.TRUE, manifestOf(r).signatureValid(), "the claim itself is intact");

        byte[] claim = png.clone();
        int title = LabelTestSupport.indexOf(claim, "exhibit test image");
        claim[title] = 'E'; // the claim's dc:title, covered by the signature
        r = LabelTestSupport.run(dir, "s.png", claim);
        assertEquals(Boolean.FALSE, manifestOf(r).signatureValid());
        assertTrue(r.only("label.c2pa-tampered").statement().contains("signature does not verify"));
        assertTrue(new String(claim, StandardCharsets.ISO_8859_1).contains("Exhibit test image"));
    }

    private static int countApp11(byte[] jpg) {
        int n = 0;
        for (int i = 0; i + 1 < jpg.length; i++) {
            if ((jpg[i] & 0xFF) == 0xFF && (jpg[i + 1] & 0xFF) == 0xEB) {
                n++;
            }
        }
        return n;
    }
}
