package org.exhibit.analysis;

import org.exhibit.evidence.Finding;
import org.exhibit.metadata.MetadataInspector;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Adapter: the metadata inventory ({@link MetadataInspector}) of each principal exhibit. */
final class MetadataAnalysis implements Analysis {

    private static final Set<String> ROLES = Set.of(Roles.ORIGINAL, Roles.ACCUSED, Roles.LABELLED, Roles.UNLABELLED,
            Roles.SUSPECT_VOICE, Roles.DOCUMENT, Roles.INPUT);

    @Override
    public String name() {
        return "metadata";
    }

    @Override
    public String question() {
        return "What does each exhibit say about itself: its type, size, and every metadata item it carries?";
    }

    @Override
    public String method() {
        return "Each file's type is detected from its bytes, not its name; every metadata item (EXIF, XMP, IPTC, "
                + "PNG text chunks, audio tags, PDF information) is read with standard libraries and listed as found.";
    }

    @Override
    public Set<String> required() {
        return Set.of();
    }

    @Override
    public Set<String> optional() {
        return ROLES;
    }

    @Override
    public List<Finding> run(AnalysisContext c) throws Exception {
        List<Finding> findings = new ArrayList<>();
        for (String role : ROLES.stream().sorted().toList()) {
            findings.addAll(c.eachInput(c.inputs(role),
                    in -> List.of(MetadataInspector.inspect(in.exhibit(), in.path(), c.limits()))));
        }
        return findings;
    }
}
