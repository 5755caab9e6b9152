package org.exhibit.watermark;

import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Region;
import org.exhibit.evidence.Verdict;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.WatermarkRemovals;
import org.exhibit.fixtures.WatermarkRemovals.Variant;
import org.exhibit.fixtures.Watermarks;
import org.exhibit.models.ModelStore;
import org.exhibit.ocr.Ocr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One generated watermarked picture, located once, then every kind of copy decided. */
class WatermarkAnalyzerTest {

    private static Ocr ocr;
    private static Watermarks.Marked marked;
    private static MarkLocator.Located mark;

    @BeforeAll
    static void setUp() throws Exception {
        ocr = Ocr.open();
        Font font = Font.createFont(Font.TRUETYPE_FONT, ModelStore.path("font-noto-sans-sc").toFile());
        marked = Watermarks.random(font, 1000); // 480×616, top right, on texture: every removal method tells apart
        mark = MarkLocator.locate(marked.image(), ocr);
    }

    @AfterAll
    static void close() {
        ocr.close();
    }

    private static MarkCheck check(Variant v) {
        return MarkCheck.run(marked.image(), WatermarkRemovals.apply(marked, v), mark, null);
    }

    @Test
    void locatesTheMarkAndReadsTheHandle() {
        assertNotNull(mark);
        assertEquals(marked.text(), mark.handle(), mark.text());
        Rectangle truth = marked.box();
        Region r = mark.region();
        // the located box holds the whole mark, logo included, and not much more
        assertTrue(r.x() <= truth.x + 2 && r.y() <= truth.y + 2, r + " vs " + truth);
        assertTrue(r.x() + r.width() >= truth.x + truth.width - 2 && r.y() + r.height() >= truth.y + truth.height - 2,
                r + " vs " + truth);
        assertTrue(r.area() < 2.0 * truth.width * truth.height, r + " vs " + truth);
    }

    @Test
    void controlsKeepTheMark() {
        for (Variant v : List.of(Variant.UNTOUCHED, Variant.JPEG, Variant.RESIZED)) {
            MarkCheck c = check(v);
            assertEquals(Decision.Outcome.PRESENT, c.outcome(), v + ": " + c.measures());
        }
    }

    @Test
    void removalsAreFoundAndDescribed() {
        assertEquals(Decision.Method.FLAT_FILL, removed(Variant.FILLED).method());
        assertEquals(Decision.Method.BLURRED, removed(Variant.BLURRED).method());
        assertEquals(Decision.Method.INPAINTED, removed(Variant.INPAINTED).method());
        MarkCheck clone = removed(Variant.CLONED);
        assertEquals(Decision.Method.CLONED, clone.method());
        // the fixture copies the patch just below the mark (the mark is at the top)
        assertEquals(0, clone.measures().cloneOffsetX(), 1);
        assertTrue(clone.measures().cloneOffsetY() > 0, clone.measures().toString());
    }

    private static MarkCheck removed(Variant v) {
        MarkCheck c = check(v);
        assertEquals(Decision.Outcome.REMOVED, c.outcome(), v + ": " + c.measures());
        return c;
    }

    @Test
    void aCropIsReportedWithTheKeptRectangle() {
        MarkCheck c = check(Variant.CROPPED);
        assertEquals(Decision.Outcome.CROPPED, c.outcome());
        Region kept = c.alignment().regionInOriginal();
        Rectangle box = marked.box();
        Rectangle shrunk = new Rectangle(box.x + 2, box.y + 2, box.width - 4, box.height - 4);
        assertFalse(new Rectangle(kept.x(), kept.y(), kept.width(), kept.height()).intersects(shrunk),
                "the kept part must exclude the mark: " + kept + " vs " + box);
    }

    @Test
    void anUnrelatedPictureIsNotARemoval() {
        MarkCheck c = MarkCheck.run(marked.image(), Pictures.scene(480, 616, 9999), mark, null);
        assertEquals(Decision.Outcome.NOT_SAME_IMAGE, c.outcome());
    }

    @Test
    void findingsCarryStatementThresholdFigureAndText() {
        Exhibit eo = new Exhibit("original.png", "a".repeat(64), 1, "image/png", "original");
        Exhibit ea = new Exhibit("accused.png", "b".repeat(64), 1, "image/png", "accused");
        List<Finding> findings = WatermarkAnalyzer.analyze(new WatermarkAnalyzer.Side(eo, marked.image()),
                new WatermarkAnalyzer.Side(ea, WatermarkRemovals.apply(marked, Variant.FILLED)), mark.region(), ocr);
        assertEquals(List.of("watermark.mark", "watermark.removal"), findings.stream().map(Finding::rule).toList());
        assertTrue(findings.get(0).statement().contains(marked.text()), findings.get(0).statement());
        Finding removal = findings.get(1);
        assertEquals(Verdict.STRONGLY_INDICATES, removal.verdict());
        assertTrue(removal.statement().contains("flat colour"), removal.statement());
        assertEquals("structure", removal.threshold().measurement());
        assertEquals(1, removal.figures().size());
        assertTrue(removal.measurement("structure") < Decision.PRESENT_STRUCTURE);
    }
}
