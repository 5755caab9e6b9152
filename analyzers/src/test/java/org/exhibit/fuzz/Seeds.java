package org.exhibit.fuzz;

import org.exhibit.fixtures.Audio;
import org.exhibit.fixtures.C2paBuilder;
import org.exhibit.fixtures.Documents;
import org.exhibit.fixtures.Flac;
import org.exhibit.fixtures.JpegBuilder;
import org.exhibit.fixtures.Labels;
import org.exhibit.fixtures.Mp4Builder;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.exhibit.fixtures.SdInfotext;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Small, valid files of every carrier the readers know, built as the writers write them; the fuzzers' seeds. */
final class Seeds {

    private Seeds() {
    }

    static Map<String, byte[]> built() {
        String infotext = SdInfotext.liVLiu().text();
        String label = Labels.aigc("1", "Acme", "42");
        BufferedImage small = Pictures.scene(24, 24, 9);
        short[] tone = Audio.tone(220, 0.2, 8000, 0.3);
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("png-parameters.png", PngBuilder.rgb(small).text("parameters", infotext).build());
        m.put("png-ztxt-itxt.png", PngBuilder.rgba(small).compressedText("prompt", "{\"3\":{\"class_type\":\"KSampler\","
                + "\"inputs\":{\"seed\":1,\"model\":[\"4\",0]}},\"4\":{\"class_type\":\"CheckpointLoaderSimple\","
                + "\"inputs\":{\"ckpt_name\":\"m.safetensors\"}}}").internationalText("AIGC", label, true).build());
        m.put("jpeg-usercomment.jpg", JpegBuilder.of(small).userCommentUnicode(infotext).build());
        m.put("jpeg-xmp.jpg", JpegBuilder.of(small).segment(0xE1, Labels.jpegXmp(Labels.xmp(label,
                "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"))).build());
        m.put("png-c2pa.png", C2paBuilder.of("Fuzz Gen 1.0",
                "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia").png(PngBuilder.rgb(small).build()));
        m.put("webp.webp", Labels.webpSimple());
        m.put("tiff.tif", Labels.tiffDescription(label));
        m.put("gif.gif", Labels.gifWithXmp(small, Labels.xmp(label, null)));
        m.put("wav.wav", Audio.wav(tone, 8000, Audio.riffChunk("AIGC", label.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        m.put("mp3.mp3", Labels.mp3("AIGC", label));
        m.put("flac.flac", Labels.flac("AIGC", label));
        m.put("flac-audio.flac", Flac.mono16(tone, 8000));
        m.put("ogg.ogg", Labels.ogg("AIGC", label));
        m.put("mp4.mp4", Mp4Builder.audio().key("AIGC", label).build());
        m.put("pdf.pdf", Documents.pdf(1, "t", "a", Map.of("AIGC", label)));
        m.put("docx.docx", Labels.ooxml("AIGC", label));
        return m;
    }

    /** The real files in ../shared/samples, when present (never copied into the project). */
    static List<Path> realSamples() throws IOException {
        Path samples = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "..", "shared", "samples");
        if (!Files.isDirectory(samples)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(samples)) {
            return new ArrayList<>(s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".md")).sorted()
                    .toList());
        }
    }
}
