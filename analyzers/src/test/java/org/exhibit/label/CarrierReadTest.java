package org.exhibit.label;

import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Finding;
import org.exhibit.fixtures.Audio;
import org.exhibit.fixtures.Documents;
import org.exhibit.fixtures.JpegBuilder;
import org.exhibit.fixtures.Labels;
import org.exhibit.fixtures.Mp4Builder;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.exhibit.label.LabelTestSupport.indexOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every carrier the issue lists, built in code, read back with the exact place of the label. */
class CarrierReadTest {

    static final String LABEL = Labels.aigc("1", "示例科技有限公司", "A2025-0001");
    static final String WRAPPED = "{\"AIGC\":" + LABEL + "}";

    @TempDir
    Path dir;

    /** One compliant implicit label at [offset, offset+length), and the file's status says so. */
    private static EvidencePointer compliantAt(LabelTestSupport.Run r, String carrier, long offset, long length) {
        Finding f = r.only("label.implicit");
        EvidencePointer p = f.evidence().get(0);
        assertEquals(carrier, p.carrier());
        assertEquals(offset, p.offset(), carrier);
        assertEquals(length, p.length(), carrier);
        assertEquals("1", ((Map<?, ?>) f.data().get("fields")).get("Label"));
        assertEquals("示例科技有限公司", ((Map<?, ?>) f.data().get("fields")).get("ContentProducer"));
        assertEquals("labelled-compliant", r.statusName());
        return p;
    }

    @Test
    void pngTextChunksOfEveryKind() throws Exception {
        byte[] itxt = PngBuilder.rgb(Pictures.scene(32, 32, 1)).internationalText("AIGC", LABEL, false).build();
        compliantAt(LabelTestSupport.run(dir, "i.png", itxt), "PNG iTXt", 33, 12 + 4 + 5 + LABEL.getBytes(StandardCharsets.UTF_8).length);
        byte[] ztxt = PngBuilder.rgb(Pictures.scene(32, 32, 1)).compressedText("AIGC", Labels.aigc("2", "Acme", "x1")).build();
        LabelTestSupport.Run z = LabelTestSupport.run(dir, "z.png", ztxt);
        assertEquals("PNG zTXt", z.only("label.implicit").evidence().get(0).carrier());
        assertTrue(z.only("label.implicit").statement().contains("possibly AI-generated"), z.only("label.implicit").statement());
        byte[] text = PngBuilder.rgb(Pictures.scene(32, 32, 1)).text("AIGC", WRAPPED.replace("示例科技有限公司", "Acme")).build();
        assertEquals("PNG tEXt", LabelTestSupport.run(dir, "t.png", text).only("label.implicit").evidence().get(0).carrier());
    }

    @Test
    void xmpInPngJpegWebpGif() throws Exception {
        String xmp = Labels.xmp(LABEL, null);
        byte[] png = PngBuilder.rgb(Pictures.scene(32, 32, 2)).internationalText("XML:com.adobe.xmp", xmp, false).build();
        EvidencePointer p = LabelTestSupport.run(dir, "x.png", png).only("label.implicit").evidence().get(0);
        assertEquals("TC260:AIGC", p.field());
        assertEquals(indexOf(png, "<TC260:AIGC>"), p.offset());
        assertEquals(indexOf(png, "</TC260:AIGC>") + "</TC260:AIGC>".length() - p.offset(), p.length());

        byte[] jpg = JpegBuilder.of(Pictures.scene(48, 32, 3)).segment(0xE1, Labels.jpegXmp(xmp)).build();
        p = LabelTestSupport.run(dir, "x.jpg", jpg).only("label.implicit").evidence().get(0);
        assertEquals("JPEG APP1 XMP XMP", p.carrier());
        assertEquals(indexOf(jpg, "<TC260:AIGC>"), p.offset());

        byte[] webp = Labels.webp(List.of(Audio.riffChunk("XMP ", xmp.getBytes(StandardCharsets.UTF_8))));
        p = LabelTestSupport.run(dir, "x.webp", webp).only("label.implicit").evidence().get(0);
        assertEquals(indexOf(webp, "<TC260:AIGC>"), p.offset());

        byte[] gif = Labels.gifWithXmp(Pictures.scene(16, 16, 4), xmp);
        p = LabelTestSupport.run(dir, "x.gif", gif).only("label.implicit").evidence().get(0);
        assertEquals(indexOf(gif, "<TC260:AIGC>"), p.offset());
    }

    @Test
    void jpegExifFieldsAndTiff() throws Exception {
        byte[] desc = JpegBuilder.of(Pictures.scene(48, 32, 5)).ascii(0x010E, WRAPPED).build();
        compliantAt(LabelTestSupport.run(dir, "d.jpg", desc), "JPEG APP1 EXIF", indexOf(desc, WRAPPED),
                WRAPPED.getBytes(StandardCharsets.UTF_8).length + 1);
        byte[] uc = JpegBuilder.of(Pictures.scene(48, 32, 5)).userCommentUnicode(WRAPPED).build();
        EvidencePointer p = LabelTestSupport.run(dir, "u.jpg", uc).only("label.implicit").evidence().get(0);
        assertEquals("UserComment", p.field());
        byte[] tiff = Labels.tiffDescription(WRAPPED);
        compliantAt(LabelTestSupport.run(dir, "d.tif", tiff), "TIFF", indexOf(tiff, WRAPPED),
                WRAPPED.getBytes(StandardCharsets.UTF_8).length + 1);
    }

    @Test
    void audioCarriers() throws Exception {
        byte[] wav = Audio.wav(Audio.tone(440, 0.1, 8000, 0.3), 8000, Audio.riffChunk("AIGC", WRAPPED.getBytes(StandardCharsets.UTF_8)));
        compliantAt(LabelTestSupport.run(dir, "a.wav", wav), "WAV chunk AIGC", indexOf(wav, "AIGC"),
                8 + WRAPPED.getBytes(StandardCharsets.UTF_8).length);
        byte[] mp3 = Labels.mp3("AIGC", LABEL);
        compliantAt(LabelTestSupport.run(dir, "a.mp3", mp3), "ID3v2 TXXX", 10, 10 + 1 + 5 + LABEL.getBytes(StandardCharsets.UTF_8).length);
        byte[] flac = Labels.flac("AIGC", LABEL);
        compliantAt(LabelTestSupport.run(dir, "a.flac", flac), "FLAC VORBIS_COMMENT", indexOf(flac, "AIGC=") - 4,
                4 + 5 + LABEL.getBytes(StandardCharsets.UTF_8).length);
        byte[] ogg = Labels.ogg("AIGC", LABEL);
        compliantAt(LabelTestSupport.run(dir, "a.ogg", ogg), "Ogg comment header", indexOf(ogg, "AIGC=") - 4,
                4 + 5 + LABEL.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void videoAndDocuments() throws Exception {
        for (boolean first : new boolean[]{true, false}) {
            byte[] mp4 = Mp4Builder.audio().moovFirst(first).key("AIGC", LABEL).build();
            EvidencePointer p = LabelTestSupport.run(dir, "v" + first + ".mp4", mp4).only("label.implicit").evidence().get(0);
            assertEquals("MP4 moov.udta.meta.ilst", p.carrier());
            assertEquals(indexOf(mp4, "ilst") + 4, p.offset());
        }
        byte[] pdf = Documents.pdf(1, "t", "a", Map.of("AIGC", WRAPPED));
        EvidencePointer p = LabelTestSupport.run(dir, "d.pdf", pdf).only("label.implicit").evidence().get(0);
        assertEquals("AIGC", p.field());
        int raw = indexOf(pdf, "/AIGC"); // PDFBox may put the Info dictionary in a compressed object stream
        assertEquals(raw < 0 ? null : Long.valueOf(raw), p.offset());
        byte[] docx = Labels.ooxml("AIGC", WRAPPED);
        p = LabelTestSupport.run(dir, "d.docx", docx).only("label.implicit").evidence().get(0);
        assertEquals("AIGC", p.field());
        assertTrue(p.offset() > 0 && p.length() > 0);
        String md = "---\ntitle: Report\nAIGC:\n  Label: 1\n  ContentProducer: 示例科技有限公司\n  ProduceID: A2025-0001\n---\n# Body\n";
        byte[] mdBytes = md.getBytes(StandardCharsets.UTF_8);
        compliantAt(LabelTestSupport.run(dir, "d.md", mdBytes), "Markdown front matter", indexOf(mdBytes, "AIGC:"),
                indexOf(mdBytes, "\n---\n#") + 1 - indexOf(mdBytes, "AIGC:"));
    }
}
