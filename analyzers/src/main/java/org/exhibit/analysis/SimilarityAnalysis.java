package org.exhibit.analysis;

import org.exhibit.evidence.Finding;
import org.exhibit.io.Images;
import org.exhibit.similarity.SimilarityAnalyzer;

import java.util.List;
import java.util.Set;

/** Adapter: substantial similarity of the accused picture to the original ({@link SimilarityAnalyzer}). */
final class SimilarityAnalysis implements Analysis {

    @Override
    public String name() {
        return "similarity";
    }

    @Override
    public String question() {
        return "Is the accused picture a copy of the original, and which parts of it correspond?";
    }

    @Override
    public String method() {
        return "The two pictures are compared by perceptual hashes (PDQ and the imagehash family), by matching local "
                + "keypoints and fitting the geometric transform between them, and by structural similarity after "
                + "aligning the accused onto the original; the corresponding regions are listed one by one.";
    }

    @Override
    public String conclusionRule() {
        return "similarity.conclusion";
    }

    @Override
    public Set<String> required() {
        return Set.of(Roles.ORIGINAL, Roles.ACCUSED);
    }

    @Override
    public List<Finding> run(AnalysisContext c) throws Exception {
        AnalysisContext.Input original = c.input(Roles.ORIGINAL);
        AnalysisContext.Input accused = c.input(Roles.ACCUSED);
        return SimilarityAnalyzer.compare(original.exhibit(), Images.read(original.path(), c.limits()),
                accused.exhibit(), Images.read(accused.path(), c.limits()));
    }
}
