package org.exhibit.analysis;

import org.exhibit.evidence.Finding;
import org.exhibit.sd.SdAnalyzer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Adapter: the Stable Diffusion generation records ({@link SdAnalyzer}) the case's images carry. */
final class SdMetadataAnalysis implements Analysis {

    private static final List<String> ROLES = List.of(Roles.ORIGINAL, Roles.ACCUSED, Roles.LABELLED, Roles.UNLABELLED,
            Roles.GENERATION_FOLDER, Roles.INPUT);

    @Override
    public String name() {
        return "sd-metadata";
    }

    @Override
    public String question() {
        return "What generation records do the images carry: generator, model and its hash, prompts, seed and settings?";
    }

    @Override
    public String method() {
        return "Each image's text chunks and EXIF comments are read as the generators write them (AUTOMATIC1111, "
                + "ComfyUI, NovelAI, InvokeAI and others) and the settings are listed with the exact bytes they were "
                + "read from. Damaged or inconsistent records are reported as such.";
    }

    @Override
    public Set<String> required() {
        return Set.of();
    }

    @Override
    public Set<String> optional() {
        return Set.copyOf(ROLES);
    }

    @Override
    public List<Finding> run(AnalysisContext c) throws Exception {
        List<Finding> findings = new ArrayList<>();
        for (String role : ROLES) {
            // a case's non-image exhibits are not asked about; a file named on the command line always is
            List<AnalysisContext.Input> asked = c.inputs(role).stream()
                    .filter(in -> role.equals(Roles.INPUT) || in.exhibit().mediaType().startsWith("image/")).toList();
            findings.addAll(c.eachInput(asked, in -> SdAnalyzer.show(in.exhibit(), in.path(), c.limits())));
        }
        return findings;
    }
}
