package org.exhibit.cli;

import org.exhibit.bundle.BundleBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Add a file, or a folder (e.g. a creator's generation folder), to a bundle as an exhibit with "
                + "its role and provenance. The bundle is verified first and re-sealed after; the source is only read.",
        footerHeading = "%nRoles:%n",
        footer = {"  original, accused, generation-folder, reference-voice, suspect-voice, other-voice,",
                "  labelled, unlabelled, model, document, other",
                "",
                "Examples:",
                "  exhibit bundle add case-42 published.png --role original --provenance \"plaintiff's upload, 2023-02-24\"",
                "  exhibit bundle add case-42 outputs/ --role generation-folder --as creator"})
class BundleAddCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "The bundle folder.")
    Path bundle;

    @Parameters(index = "1", paramLabel = "FILE", description = "File or folder to add (never modified).")
    Path file;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "The part the exhibit plays (see Roles).")
    String role;

    @Option(names = "--as", paramLabel = "NAME", description = "Name inside the bundle's data/ folder. Default: the file's name.")
    String name;

    @Option(names = "--provenance", paramLabel = "TEXT", description = "Where it came from and who handled it.")
    String provenance;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BundleBuilder.add(bundle, file, name, role, provenance);
        spec.commandLine().getOut().println("added " + file + " to " + bundle + " as " + role);
        return ExitCodes.OK;
    }
}
