package org.exhibit.analysis;

import org.exhibit.evidence.Finding;
import org.exhibit.label.C2paTrust;
import org.exhibit.label.LabelAnalyzer;
import org.exhibit.label.Marks;
import org.exhibit.models.ModelUnavailableException;
import org.exhibit.ocr.Ocr;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
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
    public String conclusionRule() {
        return "label.status";
    }

    @Override
    public Set<String> required() {
        return Set.of();
    }

    @Override
    public Set<String> optional() {
        return Set.of(Roles.LABELLED, Roles.UNLABELLED, Roles.INPUT);
    }

    @Override
    public Map<String, Object> defaults() {
        return Map.of("ocr", true, "watermark", true);
    }

    /** PEM files of C2PA trust anchors (a path or a list of paths); absent: signer trust is "not checked". */
    static final String TRUST = "trust";

    @Override
    public Set<String> optionalParams() {
        return Set.of(TRUST);
    }

    @Override
    public List<Finding> run(AnalysisContext c) throws Exception {
        List<X509Certificate> trust = trust(c.optionalParam(TRUST));
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
            LabelAnalyzer.Options options = new LabelAnalyzer.Options(Boolean.TRUE.equals(c.param("watermark")), ocr, noOcr,
                    trust);
            List<Finding> out = new ArrayList<>();
            List<AnalysisContext.Input> labelled = c.inputs(Roles.LABELLED);
            LabelAnalyzer.Result[] reference = new LabelAnalyzer.Result[1];
            out.addAll(c.eachInput(labelled, in -> {
                LabelAnalyzer.Result r = read(c, in, options);
                reference[0] = labelled.size() == 1 ? r : null;
                return with(r.findings(), LabelAnalyzer.status(in.exhibit(), r.marks(), null, null));
            }));
            Marks ref = reference[0] == null ? null : reference[0].marks();
            out.addAll(c.eachInput(c.inputs(Roles.UNLABELLED), in -> {
                LabelAnalyzer.Result r = read(c, in, options);
                return with(r.findings(), LabelAnalyzer.status(in.exhibit(), r.marks(), ref,
                        ref == null ? null : labelled.get(0).exhibit()));
            }));
            out.addAll(c.eachInput(c.inputs(Roles.INPUT), in -> {
                LabelAnalyzer.Result r = read(c, in, options);
                return with(r.findings(), LabelAnalyzer.status(in.exhibit(), r.marks(), null, null));
            }));
            return out;
        } finally {
            if (ocr != null) {
                ocr.close();
            }
        }
    }

    private static List<X509Certificate> trust(Object param) throws ParameterException {
        if (param == null) {
            return null;
        }
        List<Path> files = new ArrayList<>();
        if (param instanceof List<?> l) {
            l.forEach(o -> files.add(Path.of(String.valueOf(o))));
        } else {
            files.add(Path.of(String.valueOf(param)));
        }
        if (files.isEmpty()) {
            throw new ParameterException("trust: give at least one PEM file of C2PA trust anchors");
        }
        try {
            return C2paTrust.load(files);
        } catch (IOException e) {
            throw new ParameterException("trust: " + e.getMessage());
        }
    }

    private static LabelAnalyzer.Result read(AnalysisContext c, AnalysisContext.Input in, LabelAnalyzer.Options options)
            throws Exception {
        c.progress("reading labels of " + in.exhibit().path());
        return LabelAnalyzer.analyze(in.exhibit(), in.path(), c.limits(), options);
    }

    private static List<Finding> with(List<Finding> findings, Finding status) {
        List<Finding> all = new ArrayList<>(findings);
        all.add(status);
        return all;
    }
}
