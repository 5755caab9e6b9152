package org.exhibit.ocr;

import org.exhibit.evidence.ModelUse;
import org.exhibit.models.ModelStore;
import org.exhibit.models.ModelUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads text rendered here with Noto Sans SC (the font the build fetches) and checks what comes back. */
class OcrTest {

    private static Ocr ocr;
    private static Font font;

    @BeforeAll
    static void open() throws ModelUnavailableException, IOException, FontFormatException {
        ocr = Ocr.open();
        font = Font.createFont(Font.TRUETYPE_FONT, ModelStore.path("font-noto-sans-sc").toFile());
    }

    @AfterAll
    static void close() {
        ocr.close();
    }

    static BufferedImage render(int width, int height, float size, Color ink, Color paper, String... lines) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(paper);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font.deriveFont(size));
        g.setColor(ink);
        int y = (int) (size * 1.5);
        for (String line : lines) {
            g.drawString(line, (int) size, y);
            y += (int) (size * 2);
        }
        g.dispose();
        return img;
    }

    private static String texts(List<TextLine> lines) {
        return lines.stream().map(TextLine::text).collect(Collectors.joining("|"));
    }

    @Test
    void readsChineseAndLatinLinesInOrder() {
        BufferedImage img = render(640, 300, 36, Color.BLACK, Color.WHITE, "人工智能生成", "@user123456", "抖音号 98765");
        List<TextLine> lines = ocr.read(img);
        assertEquals("人工智能生成|@user123456|抖音号98765", texts(lines).replace(" ", ""), texts(lines));
        for (TextLine l : lines) {
            assertTrue(l.confidence() > 0.8, l.toString());
        }
        TextLine id = lines.get(1);
        // the box holds the second line: it starts near x=36 and lies between the first and third baselines
        assertTrue(id.box().x() >= 20 && id.box().x() <= 50, id.toString());
        assertTrue(id.box().y() > 60 && id.box().y() + id.box().height() < 200, id.toString());
    }

    @Test
    void readsAnExplicitAiLabelOnAPhotoLikeBackground() {
        BufferedImage img = render(480, 160, 40, Color.WHITE, new Color(60, 90, 120), "AI生成");
        List<TextLine> lines = ocr.read(img);
        assertEquals(1, lines.size(), texts(lines));
        // PP-OCRv4 may read the capital I as a lower-case l; callers matching labels normalise it
        assertTrue(lines.get(0).text().matches("A[Il1]生成"), lines.get(0).text());
    }

    @Test
    void findsNothingOnABlankImage() {
        assertEquals(List.of(), ocr.read(render(320, 240, 20, Color.BLACK, Color.WHITE)));
    }

    @Test
    void sameImageSameResult() {
        BufferedImage img = render(400, 120, 30, Color.BLACK, Color.WHITE, "@user123456");
        assertEquals(ocr.read(img), ocr.read(img));
    }

    @Test
    void namesItsModels() {
        List<ModelUse> uses = Ocr.models();
        assertEquals(List.of("ppocr-v4-det", "ppocr-v4-rec", "ppocr-keys"), uses.stream().map(ModelUse::name).toList());
        assertTrue(uses.get(0).sha256().startsWith("d2a7720d"));
    }
}
