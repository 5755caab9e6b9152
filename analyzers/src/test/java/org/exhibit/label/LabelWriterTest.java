package org.exhibit.label;

import org.exhibit.io.container.Bytes;
import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Hashing;
import org.exhibit.fixtures.Audio;
import org.exhibit.fixtures.JpegBuilder;
import org.exhibit.fixtures.Labels;
import org.exhibit.fixtures.Mp4Builder;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.exhibit.io.Images;
import org.exhibit.io.InputException;
import org.exhibit.io.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Write → read round trip for each carrier the writer supports; inputs stay untouched, media stays intact. */
class LabelWriterTest {

    static final String FIELDS = AigcLabel.json("1", "示例科技有限公司", "A2025-0042", null, null);

    @TempDir
    Path dir;

    private LabelTestSupport.Run roundTrip(String name, byte[] input, String carrier) throws Exception {
        Path in = dir.resolve(name);
        Files.write(in, input);
        String before = Hashing.sha256Hex(in);
        LabelWriter.Written w = LabelWriter.write(in, FIELDS);
        assertEquals(carrier, w.carrier());
        assertEquals(before, Hashing.sha256Hex(in), "input untouched");
        LabelTestSupport.Run r = LabelTestSupport.run(dir, "labelled-" + name, w.bytes());
        assertEquals("labelled-compliant", r.statusName(), name);
        var f = r.only("label.implicit");
        assertEquals("A2025-0042", ((Map<?, ?>) f.data().get("fields")).get("ProduceID"));
        EvidencePointer p = f.evidence().get(0);
        assertTrue(p.offset() > 0 && p.offset() + p.length() <= w.bytes().length, p.toString());
        return r;
    }

    @Test
    void pngJpegWebpKeepTheirPixels() throws Exception {
        var scene = Pictures.scene(64, 48, 9);
        byte[] png = PngBuilder.rgb(scene).text("Software", "x").build();
        roundTrip("a.png", png, "PNG iTXt AIGC");
        assertPixelsEqual(png, LabelWriter.png(png, FIELDS));

        byte[] jpg = JpegBuilder.of(scene).ascii(0x010F, "Cam").build();
        roundTrip("a.jpg", jpg, "JPEG APP1 XMP TC260:AIGC");
        // an existing XMP packet is merged, not duplicated
        byte[] withXmp = JpegBuilder.of(scene).segment(0xE1, Labels.jpegXmp(Labels.xmp(null,
                "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"))).build();
        LabelTestSupport.Run merged = roundTrip("b.jpg", withXmp, "JPEG APP1 XMP TC260:AIGC");
        assertEquals(1, merged.rule("label.iptc-source-type").size());
        assertPixelsEqual(jpg, LabelWriter.jpeg(jpg, FIELDS));

        byte[] webp = Labels.webpSimple();
        roundTrip("a.webp", webp, "WebP XMP TC260:AIGC");
        assertPixelsEqual(webp, WebpWriter.withXmp(webp, LabelWriter.xmp(null, FIELDS)));
    }

    @Test
    void audioAndVideo() throws Exception {
        byte[] wav = Audio.wav(Audio.tone(440, 0.2, 8000, 0.3), 8000);
        roundTrip("a.wav", wav, "WAV _PMX XMP TC260:AIGC");
        byte[] labelled = LabelWriter.wav(wav, FIELDS);
        var fmt = javax.sound.sampled.AudioSystem.getAudioFileFormat(new java.io.ByteArrayInputStream(labelled));
        assertEquals(1600, fmt.getFrameLength(), "samples still readable");

        byte[] mp3 = Labels.mp3("TIT2", "x");
        roundTrip("a.mp3", mp3, "ID3v2 TXXX AIGC");
        byte[] plainMp3 = Labels.mpegFrames(4);
        byte[] tagged = LabelWriter.mp3(plainMp3, FIELDS);
        assertArrayEquals(plainMp3, java.util.Arrays.copyOfRange(tagged, tagged.length - plainMp3.length, tagged.length));

        for (boolean first : new boolean[]{true, false}) {
            byte[] mp4 = Mp4Builder.audio().moovFirst(first).build();
            roundTrip("a" + first + ".mp4", mp4, "MP4 moov.udta.meta AIGC");
            byte[] out = Mp4LabelWriter.write(mp4, FIELDS);
            assertEquals(mediaChunk(mp4), mediaChunk(out), "stco still points at the media");
        }
        byte[] ffmpegStyle = Mp4Builder.audio().itunesIlst().build();
        roundTrip("ff.mp4", ffmpegStyle, "MP4 moov.udta.meta AIGC");
    }

    @Test
    void refusesWhatItCannotWrite(@TempDir Path tmp) throws Exception {
        Path pdf = tmp.resolve("a.pdf");
        Files.write(pdf, org.exhibit.fixtures.Documents.pdf(1, "t", "a", Map.of()));
        InputException e = assertThrows(InputException.class, () -> LabelWriter.write(pdf, FIELDS));
        assertTrue(e.getMessage().contains("not supported"), e.getMessage());
    }

    /** The 16 bytes the (single) stco entry points at. */
    private static String mediaChunk(byte[] mp4) {
        int stco = LabelTestSupport.indexOf(mp4, "stco");
        int at = (int) Bytes.be32(mp4, stco + 12);
        return new String(mp4, at, 16, StandardCharsets.ISO_8859_1);
    }

    private void assertPixelsEqual(byte[] a, byte[] b) throws Exception {
        Path pa = dir.resolve("pa");
        Path pb = dir.resolve("pb");
        Files.write(pa, a);
        Files.write(pb, b);
        var ia = Images.read(pa, Limits.DEFAULT);
        var ib = Images.read(pb, Limits.DEFAULT);
        assertEquals(ia.getWidth(), ib.getWidth());
        for (int y = 0; y < ia.getHeight(); y++) {
            for (int x = 0; x < ia.getWidth(); x++) {
                assertEquals(ia.getRGB(x, y), ib.getRGB(x, y));
            }
        }
    }
}
