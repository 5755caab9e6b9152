package org.exhibit.cli;

import org.exhibit.bundle.BagCheck;
import org.exhibit.bundle.BundleBuilder;
import org.exhibit.fixtures.DemoBundles;
import org.exhibit.models.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.awt.Font;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Writes the demo bundles (./setup runs it): each case's exhibits come from the fixture generators, and the
 * bundle is sealed like any other, with `bundle init --from`. Hidden: it is a build step, not a tool for cases.
 */
@Command(name = "demo", hidden = true, mixinStandardHelpOptions = true,
        description = "Write the demo bundles (li-v-liu, voice-clone, unlabelled-aigc) into DIR; existing ones are kept.")
public class BundleDemoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder for the demo bundles, e.g. fixtures/demo.")
    Path dir;

    @Mixin
    CommonOptions common;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Font font = Font.createFont(Font.TRUETYPE_FONT, ModelStore.path("font-noto-sans-sc").toFile());
        for (String name : DemoBundles.NAMES) {
            Path bundle = dir.resolve(name);
            if (Files.exists(bundle.resolve("bagit.txt")) && BagCheck.verify(bundle).intact()) {
                spec.commandLine().getOut().println("kept " + bundle + " (intact)");
                continue;
            }
            Path prepared = Files.createTempDirectory("exhibit-demo-");
            try {
                DemoBundles.prepare(name, prepared, font);
                BundleBuilder.createFrom(bundle, prepared, common.limits());
            } finally {
                deleteTree(prepared);
            }
            spec.commandLine().getOut().println("wrote " + bundle);
        }
        return ExitCodes.OK;
    }

    private static void deleteTree(Path p) throws java.io.IOException {
        try (var walk = Files.walk(p)) {
            for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
