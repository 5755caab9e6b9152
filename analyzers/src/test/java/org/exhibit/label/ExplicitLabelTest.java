package org.exhibit.label;

import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Region;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.exhibit.io.Inputs;
import org.exhibit.io.Limits;
import org.exhibit.models.ModelStore;
import org.exhibit.ocr.Ocr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Visible labels drawn with Noto Sans SC (the report font the build fetches) and read back with PP-OCRv4. */
class ExplicitLabelTest {

    private static Ocr ocr;
    private static Font font;

    @TempDir
    Path dir;

    @BeforeAll
    static void open() throws Exception {
        Assumptions.assumeTrue(Ocr.available(), "OCR weights not fetched by this build");
        ocr = Ocr.open();
        font = Font.createFont(Font.TRUETYPE_FONT, ModelStore.path("font-noto-sans-sc").toFile());
    }

    @AfterAll
    static void close() {
        if (ocr != null) {
            ocr.close();
        }
    }

    /** A scene with a white plate in the bottom-right corner carrying {@code text} at {@code size} px. */
    static BufferedImage labelled(String text, float size) {
        BufferedImage img = Pictures.scene(480, 360, 5);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font.deriveFont(size));
        int w = g.getFontMetrics().stringWidth(text);
        g.setColor(Color.WHITE);
        g.fillRect(480 - w - (int) size, 360 - (int) (size * 1.8), w + (int) size, (int) (size * 1.8));
        g.setColor(Color.BLACK);
        g.drawString(text, 480 - w - (int) (size / 2), 360 - (int) (size * 0.5));
        g.dispose();
        return img;
    }

    private List<Finding> analyze(String name, BufferedImage img) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, PngBuilder.rgb(img).build());
        Exhibit e = Inputs.open(file, "input", Limits.DEFAULT);
        LabelAnalyzer.Result r = LabelAnalyzer.analyze(e, file, Limits.DEFAULT, new LabelAnalyzer.Options(false, ocr));
        List<Finding> all = new java.util.ArrayList<>(r.findings());
        all.add(LabelAnalyzer.status(e, r.marks(), null, null));
        LabelTestSupport.everyFlagHasEvidence(e, all);
        return all;
    }

    @Test
    void largeCornerLabelIsFoundAndMeasured() throws Exception {
        List<Finding> f = analyze("big.png", labelled("AI生成", 32));
        Finding label = f.stream().filter(x -> x.rule().equals("label.explicit")).findFirst().orElseThrow(() ->
                new AssertionError(f.toString()));
        Region box = label.evidence().get(0).region();
        assertTrue(box.x() > 300 && box.y() > 280, box.toString());
        double ratio = label.measurement("text height / shortest side");
        assertTrue(ratio >= 0.05 && ratio < 0.15, "ratio " + ratio);
        Finding status = f.get(f.size() - 1);
        assertEquals("labelled-noncompliant", status.data().get("status"), "visible label, no implicit label");
    }

    @Test
    void smallLabelFallsShortOfFivePercent() throws Exception {
        List<Finding> f = analyze("small.png", labelled("人工智能生成", 13));
        Finding label = f.stream().filter(x -> x.rule().equals("label.explicit-noncompliant")).findFirst()
                .orElseThrow(() -> new AssertionError(f.toString()));
        assertTrue(label.measurement("text height / shortest side") < 0.05);
        assertTrue(label.statement().contains("below the 5 %"), label.statement());
    }

    @Test
    void ocrConfusionsAreUndone() {
        assertTrue(ExplicitFindings.isLabel("Al生成"));
        assertTrue(ExplicitFindings.isLabel("A1 生成"));
        assertTrue(ExplicitFindings.isLabel("Al-generated"));
        assertTrue(ExplicitFindings.isLabel("本内容由人工智能合成"));
        assertFalse(ExplicitFindings.isLabel("Alice generated a report"));
        assertFalse(ExplicitFindings.isLabel("风景照片"));
    }
}
