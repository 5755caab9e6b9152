package org.exhibit.bundle;

import org.exhibit.evidence.Finding;
import org.exhibit.label.LabelAnalyzer;
import org.exhibit.models.ModelUnavailableException;
import org.exhibit.ocr.Ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adapter: AI labels ({@link LabelAnalyzer}) of the labelled original and of each copy said to have lost them;
 * with one labelled exhibit, each unlabelled one is checked for labels it lacks (label-stripped).
 */
final class LabelAnalysis implements Analysis {

    @Override
    public String name() {
        return "labels";
    }

    @Override
    public String question() {
        return "Does the content carry the AI labels GB 45438-2025 requires, and were labels removed from the copy?";
    }

    @Override
    public String method() {
        return "Every metadata carrier of each file is searched for the implicit AI label (GB 45438 AIGC field), "
                + "IPTC digital source type, C2PA manifests and the Stable Diffusion invisible watermark; visible "
                + "labels such as \"AI生成\" are read from the pixels by optical character recognition. Labels the "
                + "labelled original has and the copy lacks are reported as stripped, with where each was.";
    }

    @Override
    public Set<String> required() {
        return Set.of();
    }

    @Override
    public Set<String> optional() {
        return Set.of(Roles.LABELLED, Roles.UNLABELLED);
    }

    @Override
    public Map<String, Object> defaults() {
        return Map.of("ocr", true, "watermark", true);
    }

    @Override
    public List<Finding> run(AnalysisContext c) throws Exception {
        Ocr ocr = null;
        String noOcr = null;
        if (Boolean.TRUE.equals(c.param("ocr"))) {
            try {
                ocr = Ocr.open();
                Ocr.models().forEach(c::usedModel);
            } catch (ModelUnavailableException e) {
                noOcr = "the OCR weights are not available (" + e.getMessage() + ")";
            }
        }
        try {
            LabelAnalyzer.Options options = new LabelAnalyzer.Options(Boolean.TRUE.equals(c.param("watermark")), ocr, noOcr);
            List<Finding> out = new ArrayList<>();
            List<AnalysisContext.Input> labelled = c.inputs(Roles.LABELLED);
            LabelAnalyzer.Result reference = null;
            for (AnalysisContext.Input in : labelled) {
                c.progress("reading labels of " + in.exhibit().path());
                LabelAnalyzer.Result r = LabelAnalyzer.analyze(in.exhibit(), in.path(), c.limits(), options);
                out.addAll(r.findings());
                out.add(LabelAnalyzer.status(in.exhibit(), r.marks(), null, null));
                reference = labelled.size() == 1 ? r : null;
            }
            for (AnalysisContext.Input in : c.inputs(Roles.UNLABELLED)) {
                c.progress("reading labels of " + in.exhibit().path());
                LabelAnalyzer.Result r = LabelAnalyzer.analyze(in.exhibit(), in.path(), c.limits(), options);
                out.addAll(r.findings());
                out.add(LabelAnalyzer.status(in.exhibit(), r.marks(), reference == null ? null : reference.marks(),
                        reference == null ? null : labelled.get(0).exhibit()));
            }
            return out;
        } finally {
            if (ocr != null) {
                ocr.close();
            }
        }
    }
}
