package org.exhibit.analysis;

import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Region;
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
    public String conclusionRule() {
        return "watermark.removal";
    }

    @Override
    public Set<String> required() {
        return Set.of(Roles.ORIGINAL, Roles.ACCUSED);
    }

    @Override
    public Set<String> optionalParams() {
        return Set.of(REGION);
    }

    /** "X,Y,W,H": where the mark is in the original, in pixels; without it the mark is found by OCR. */
    static final String REGION = "region";

    @Override
    public List<Finding> run(AnalysisContext c) throws Exception {
        AnalysisContext.Input original = c.input(Roles.ORIGINAL);
        AnalysisContext.Input accused = c.input(Roles.ACCUSED);
        Region given = c.optionalParam(REGION) == null ? null : parseRegion(c.text(REGION));
        BufferedImage oi = Images.read(original.path(), c.limits());
        BufferedImage ai = Images.read(accused.path(), c.limits());
        if (given != null && (given.x() < 0 || given.y() < 0 || given.width() <= 0 || given.height() <= 0
                || given.x() + given.width() > oi.getWidth() || given.y() + given.height() > oi.getHeight())) {
            throw new ParameterException("region " + c.text(REGION) + " lies outside the original (" + oi.getWidth()
                    + "x" + oi.getHeight() + ")");
        }
        List<Finding> findings = new ArrayList<>();
        try (Ocr ocr = Ocr.open()) {
            Ocr.models().forEach(c::usedModel);
            findings.addAll(WatermarkAnalyzer.analyze(new WatermarkAnalyzer.Side(original.exhibit(), oi),
                    new WatermarkAnalyzer.Side(accused.exhibit(), ai), given, ocr));
        }
        findings.addAll(MetadataComparison.compare(original.exhibit(), original.path(), accused.exhibit(),
                accused.path(), ai, c.limits()));
        return findings;
    }

    static Region parseRegion(String s) throws ParameterException {
        String[] p = s.split(",");
        if (p.length != 4) {
            throw new ParameterException("region wants X,Y,W,H, got " + s);
        }
        try {
            return new Region(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()),
                    Integer.parseInt(p[2].trim()), Integer.parseInt(p[3].trim()));
        } catch (NumberFormatException e) {
            throw new ParameterException("region wants four integers X,Y,W,H, got " + s);
        }
    }
}
