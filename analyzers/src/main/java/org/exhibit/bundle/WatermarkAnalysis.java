package org.exhibit.bundle;

import org.exhibit.evidence.Finding;
import org.exhibit.io.Images;
import org.exhibit.ocr.Ocr;
import org.exhibit.watermark.MetadataComparison;
import org.exhibit.watermark.WatermarkAnalyzer;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Adapter: what happened to the original's visible watermark in the accused copy ({@link WatermarkAnalyzer}). */
final class WatermarkAnalysis implements Analysis {

    @Override
    public String name() {
        return "watermark";
    }

    @Override
    public String question() {
        return "Was the original's visible watermark cropped away, painted over or otherwise removed in the accused copy?";
    }

    @Override
    public String method() {
        return "The mark is found in the original by reading its text (OCR), the accused copy is aligned onto the "
                + "original by matched keypoints, and the mark's region is compared: still there, outside the kept "
                + "frame (cropped), or gone from a region that is still in frame; the two files' metadata and JPEG "
                + "encoding are compared too.";
    }

    @Override
    public Set<String> required() {
        return Set.of(Roles.ORIGINAL, Roles.ACCUSED);
    }

    @Override
    public List<Finding> run(AnalysisContext c) throws Exception {
        AnalysisContext.Input original = c.input(Roles.ORIGINAL);
        AnalysisContext.Input accused = c.input(Roles.ACCUSED);
        BufferedImage oi = Images.read(original.path(), c.limits());
        BufferedImage ai = Images.read(accused.path(), c.limits());
        List<Finding> findings = new ArrayList<>();
        try (Ocr ocr = Ocr.open()) {
            Ocr.models().forEach(c::usedModel);
            findings.addAll(WatermarkAnalyzer.analyze(new WatermarkAnalyzer.Side(original.exhibit(), oi),
                    new WatermarkAnalyzer.Side(accused.exhibit(), ai), null, ocr));
        }
        findings.addAll(MetadataComparison.compare(original.exhibit(), original.path(), accused.exhibit(),
                accused.path(), ai, c.limits()));
        return findings;
    }
}
