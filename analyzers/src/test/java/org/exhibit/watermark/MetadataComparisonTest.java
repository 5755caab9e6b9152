package org.exhibit.watermark;

import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Verdict;
import org.exhibit.fixtures.JpegBuilder;
import org.exhibit.fixtures.PngBuilder;
import org.exhibit.fixtures.Pictures;
import org.exhibit.io.Inputs;
import org.exhibit.io.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetadataComparisonTest {

    static final String LABEL = "{\"AIGC\":{\"Label\":\"1\",\"ContentProducer\":\"001191440300MA5FXXXXXX\"}}";

    @Test
    void strippedExifAndLabelAndReencodingAreReported(@TempDir Path dir) throws Exception {
        BufferedImage scene = Pictures.scene(96, 64, 3);
        Path original = dir.resolve("download.jpg"), accused = dir.resolve("repost.jpg");
        Files.write(original, JpegBuilder.of(scene).quality(0.9f).ascii(0x0131, "PlatformApp 5.2")
                .ascii(0x010E, LABEL).build());
        Files.write(accused, JpegBuilder.of(scene).quality(0.75f).build());
        List<Finding> f = compare(original, accused);
        Finding stripped = f.get(0), encoding = f.get(1);
        assertEquals("watermark.metadata-stripped", stripped.rule());
        assertEquals(Verdict.INDICATES, stripped.verdict());
        assertEquals(List.of("EXIF", "AIGC label (GB 45438-2025)"), stripped.data().get("lost"));
        assertTrue(stripped.statement().contains("Software tag changed from \"PlatformApp 5.2\" to none"),
                stripped.statement());
        assertEquals("watermark.reencoding", encoding.rule());
        assertEquals(Verdict.INDICATES, encoding.verdict());
        assertEquals(90, encoding.measurement("IJG quality original"));
        assertEquals(75, encoding.measurement("IJG quality accused"));
        assertEquals(0, encoding.measurement("table distance accused"));
    }

    @Test
    void identicalFilesChangeNothing(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.png"), b = dir.resolve("b.png");
        byte[] png = PngBuilder.rgb(Pictures.scene(32, 32, 4)).text("Software", "Editor").build();
        Files.write(a, png);
        Files.write(b, png);
        List<Finding> f = compare(a, b);
        assertEquals(Verdict.INFO, f.get(0).verdict());
        assertEquals(0, f.get(0).measurement("carriers lost"));
        assertEquals(Verdict.INFO, f.get(1).verdict());
        assertTrue(f.get(1).statement().startsWith("Original: not a JPEG; accused: not a JPEG"), f.get(1).statement());
    }

    private static List<Finding> compare(Path o, Path a) throws Exception {
        Exhibit eo = Inputs.open(o, "original", Limits.DEFAULT), ea = Inputs.open(a, "accused", Limits.DEFAULT);
        return MetadataComparison.compare(eo, o, ea, a, null, Limits.DEFAULT);
    }
}
