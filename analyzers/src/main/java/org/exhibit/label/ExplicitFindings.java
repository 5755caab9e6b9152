package org.exhibit.label;

import org.exhibit.bench.ErrorRates;
import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Method;
import org.exhibit.evidence.Region;
import org.exhibit.evidence.Threshold;
import org.exhibit.evidence.Verdict;
import org.exhibit.ocr.Ocr;
import org.exhibit.ocr.TextLine;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Explicit (visible) labels: text such as "AI生成", "人工智能生成" or "AI-generated" read by OCR in an image, its
 * height against the image's shortest side (GB 45438 asks at least 5 %) and whether it sits at an edge or corner;
 * for text files, the label text at the start or end.
 */
final class ExplicitFindings {

    static final Method METHOD = new Method("Explicit AI label by OCR", "1",
            "GB 45438-2025 explicit label for images (text with an AI element and a generation/synthesis element, "
                    + "at an edge or corner, text height >= 5 % of the shortest side); text read with PP-OCRv4");
    static final Method TEXT = new Method("Explicit AI label in text", "1",
            "GB 45438-2025 explicit label for text (label text at the start, end or an apt place of the text)");
    static final double MIN_HEIGHT = 0.05;
    /** AI element + generation element, after OCR confusions (Al, A1 for AI) are undone. */
    static final Pattern LABEL = Pattern.compile("(AI|人工智能)(生成|合成)|AI-?GENERATED|GENERATEDBYAI|AI-?CREATED");
    private static final double EDGE = 0.15;

    private ExplicitFindings() {
    }

    static String normalise(String s) {
        String t = s.replaceAll("[\\s·:：'\"“”()（）\\[\\]【】]", "");
        t = t.replaceAll("(?<![A-Za-z])(Al|A1|A l|Ai)(?=[^a-z]|$)", "AI");
        return t.toUpperCase(java.util.Locale.ROOT).replace('－', '-');
    }

    static boolean isLabel(String s) {
        return LABEL.matcher(normalise(s)).find();
    }

    static void image(Exhibit exhibit, BufferedImage img, Ocr ocr, Marks marks, List<Finding> out) {
        int shortest = Math.min(img.getWidth(), img.getHeight());
        marks.explicitChecked = true;
        for (TextLine line : ocr.read(img)) {
            if (!isLabel(line.text())) {
                continue;
            }
            Region box = line.box();
            double ratio = box.height() / (double) shortest;
            boolean atEdge = box.x() <= EDGE * img.getWidth() || box.y() <= EDGE * img.getHeight()
                    || box.x() + box.width() >= (1 - EDGE) * img.getWidth()
                    || box.y() + box.height() >= (1 - EDGE) * img.getHeight();
            boolean tallEnough = ratio >= MIN_HEIGHT;
            EvidencePointer at = EvidencePointer.pixels(exhibit, "visible text (OCR)", box);
            String pct = String.format(java.util.Locale.ROOT, "%.1f %%", 100 * ratio);
            out.add(Finding.builder(LabelAnalyzer.ANALYZER, tallEnough && atEdge ? "label.explicit"
                            : "label.explicit-noncompliant", METHOD)
                    .verdict(tallEnough && atEdge ? Verdict.INFO : Verdict.INDICATES)
                    .statement(exhibit.path() + " shows the visible label \"" + line.text() + "\" at " + box.x() + ","
                            + box.y() + " (" + box.width() + "x" + box.height() + " px), text height " + pct
                            + " of the shortest side" + (tallEnough ? "" : ", below the 5 % GB 45438 asks for")
                            + (atEdge ? "" : ", and not at an edge or corner") + ".")
                    .measure("text height / shortest side", ratio, "ratio")
                    .measure("OCR confidence", line.confidence(), "probability")
                    .threshold(new Threshold("text height / shortest side", ">=", MIN_HEIGHT,
                            ErrorRates.of("label", "explicit-label")))
                    .evidence(at).data("text", line.text())
                    .limitation("OCR can miss stylised, tiny or low-contrast text, and a missing explicit label may "
                            + "be shown elsewhere (in the app's interface); only the pixels were read.")
                    .build());
            marks.explicitLabels.add(new Marks.Mark("explicit", "visible label \"" + line.text() + "\"", at));
            if (!tallEnough) {
                marks.shortfalls.add(new Marks.Mark("explicit", "GB 45438-2025 explicit image label: text height >= 5 % "
                        + "of the shortest side — measured " + pct, at));
            }
            if (!atEdge) {
                marks.shortfalls.add(new Marks.Mark("explicit", "GB 45438-2025 explicit image label: at an edge or "
                        + "corner — the text lies inside the picture", at));
            }
        }
    }

    /** Text files: a label line among the first or last 200 characters. */
    static void text(Exhibit exhibit, byte[] head, byte[] tail, long tailOffset, Marks marks, List<Finding> out) {
        marks.explicitChecked = true;
        String h = new String(head, StandardCharsets.UTF_8);
        String t = new String(tail, StandardCharsets.UTF_8);
        String hit = null;
        long offset = 0;
        long length = 0;
        var m = Pattern.compile("[^\\n]*(AI|人工智能)[^\\n]{0,20}(生成|合成)[^\\n]*|[^\\n]*AI[- ]generated[^\\n]*",
                Pattern.CASE_INSENSITIVE).matcher(h);
        if (m.find() && m.start() < 200) {
            hit = m.group().strip();
            offset = h.substring(0, m.start()).getBytes(StandardCharsets.UTF_8).length;
            length = m.group().getBytes(StandardCharsets.UTF_8).length;
        } else {
            m = m.pattern().matcher(t);
            while (m.find()) {
                if (m.end() >= t.length() - 200) {
                    hit = m.group().strip();
                    offset = tailOffset + t.substring(0, m.start()).getBytes(StandardCharsets.UTF_8).length;
                    length = m.group().getBytes(StandardCharsets.UTF_8).length;
                }
            }
        }
        if (hit == null) {
            return;
        }
        EvidencePointer at = EvidencePointer.bytes(exhibit, "text", offset, length);
        out.add(Finding.builder(LabelAnalyzer.ANALYZER, "label.explicit", TEXT).verdict(Verdict.INFO)
                .statement(exhibit.path() + " states in its text: \"" + hit + "\".")
                .evidence(at).data("text", hit).build());
        marks.explicitLabels.add(new Marks.Mark("explicit", "label text \"" + hit + "\"", at));
    }
}
