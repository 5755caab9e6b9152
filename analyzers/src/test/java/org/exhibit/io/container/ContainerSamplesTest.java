package org.exhibit.io.container;

import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.io.Inputs;
import org.exhibit.io.Limits;
import org.exhibit.label.LabelAnalyzer;
import org.exhibit.metadata.MetadataInspector;
import org.exhibit.sd.SdMetadata;
import org.exhibit.sd.SdReading;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real files in ../shared/samples (written by real generators and cameras) read through the container layer:
 * every container is walked without a problem, every item lies inside its file, and the ported analyzers (sd,
 * label, metadata) read them as before. Skips with a message when the samples are absent.
 */
class ContainerSamplesTest {

    static Path samples() {
        Path dir = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "..", "shared", "samples");
        Assumptions.assumeTrue(Files.isDirectory(dir), "real samples " + dir + " are absent; skipped");
        return dir;
    }

    static List<Path> files() throws Exception {
        try (Stream<Path> s = Files.walk(samples())) {
            return s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".md")).sorted().toList();
        }
    }

    @Test
    void everySampleIsWalkedWithoutProblemsAndItsItemsLieInTheFile() throws Exception {
        List<Path> files = files();
        assertTrue(files.size() >= 10, files.toString());
        for (Path f : files) {
            try (ByteSource src = ByteSource.open(f)) {
                Container c = Containers.read(src, Limits.DEFAULT);
                assertNotNull(c, f.toString());
                assertEquals(List.of(), c.problems().stream().filter(p -> p.kind() != Problem.Kind.TRAILING).toList(),
                        f.toString());
                for (Item i : c.items()) {
                    assertTrue(i.offset() >= 0 && i.end() <= src.size() && !i.truncated(), f + " " + i);
                }
            }
        }
    }

    @Test
    void a1111PngTextChunkAndJpegUserCommentWhereTheRecordSaysTheyAre() throws Exception {
        Path png = samples().resolve("sd/png_sd-webui.png");
        Assumptions.assumeTrue(Files.isRegularFile(png), png + " absent");
        try (ByteSource src = ByteSource.open(png)) {
            Png.File f = Png.read(src, Limits.DEFAULT);
            Png.Text t = f.texts().stream().filter(x -> x.keyword().equals("parameters")).findFirst().orElseThrow();
            assertEquals("iTXt", t.chunk().type());
            assertEquals(33, t.chunk().offset());
            assertEquals(41 + 15, t.textOffset());
            assertEquals(Png.Crc.OK, t.chunk().crc());
        }
        Path jpg = samples().resolve("sd/jpg_sd-webui.jpg");
        try (ByteSource src = ByteSource.open(jpg)) {
            Jpeg.File f = Jpeg.read(src, Limits.DEFAULT);
            Jpeg.Segment app1 = f.segments().get(1);
            assertEquals(Jpeg.EXIF_ID, app1.identifier());
            Tiff.File t = Tiff.read(f, app1.dataOffset() + 6, app1.dataLength() - 6, "JPEG APP1");
            Tiff.Entry uc = t.entries("IFD0/Exif").stream().filter(e -> e.tag() == Tiff.USER_COMMENT).findFirst()
                    .orElseThrow();
            assertEquals(52, uc.valueOffset());
            assertEquals(686, uc.valueLength());
        }
    }

    @Test
    void c2paManifestStoreInCaBxIsLocatedAndRead() throws Exception {
        Path c2pa = samples().resolve("sd/c2pa_png_chatgpt-image2.png");
        Assumptions.assumeTrue(Files.isRegularFile(c2pa), c2pa + " absent");
        try (ByteSource src = ByteSource.open(c2pa)) {
            Png.File f = Png.read(src, Limits.DEFAULT);
            Png.Chunk cabx = f.chunks("caBX").get(0);
            Jumbf.Store store = Jumbf.read(f.data(cabx), Limits.DEFAULT);
            assertEquals(List.of(), store.problems());
            assertEquals("c2pa", store.boxes().get(0).label());
        }
    }

    @Test
    void theAnalyzersReadEverySampleAsBefore() throws Exception {
        for (Path f : files()) {
            Exhibit e = Inputs.open(f, "input", Limits.DEFAULT);
            SdReading sd = SdMetadata.scan(f, Limits.DEFAULT);
            assertEquals(List.of(), sd.anomalies(), f.toString());
            if (f.toString().contains("/sd/") && !f.getFileName().toString().startsWith("c2pa")) {
                assertTrue(!sd.records().isEmpty(), f.toString());
            }
            LabelAnalyzer.Result label = LabelAnalyzer.analyze(e, f, Limits.DEFAULT, new LabelAnalyzer.Options(false, null));
            assertTrue(label.findings().stream().noneMatch(x -> x.rule().equals("label.carrier-problem")), f.toString());
            Finding inv = MetadataInspector.inspect(e, f, Limits.DEFAULT);
            assertTrue(!inv.data().containsKey("containerProblems"), f + ": " + inv.data().get("containerProblems"));
        }
    }
}
