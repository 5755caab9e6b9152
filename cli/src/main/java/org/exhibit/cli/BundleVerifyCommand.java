package org.exhibit.cli;

import org.exhibit.bundle.BagCheck;
import org.exhibit.bundle.BagProblem;
import org.exhibit.bundle.Bundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Re-hash every file of a bundle against its BagIt manifests and check its case manifest. "
                + "Names every file that changed, went missing or was added, and every symbolic link; exits with "
                + "code 5 if there is any.",
        footerHeading = "%nExamples:%n",
        footer = {"  exhibit bundle verify case-42 && exhibit report case-42"})
class BundleVerifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "The bundle folder.")
    Path bundle;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BagCheck.Result r = BagCheck.verify(bundle);
        if (!r.intact()) {
            printProblems(spec.commandLine().getErr(), bundle.toString(), r);
            return ExitCodes.BUNDLE_ALTERED;
        }
        Bundle.checkManifest(bundle);
        spec.commandLine().getOut().println("ok: " + bundle + ": " + r.files() + " files match their manifests ("
                + r.bytes() + " payload bytes); bundle sha256 " + r.bundleHash());
        return ExitCodes.OK;
    }

    static void printProblems(PrintWriter err, String bundle, BagCheck.Result r) {
        for (BagProblem p : r.problems()) {
            err.println("exhibit: " + bundle + ": " + p);
        }
        err.println("exhibit: " + bundle + ": altered: " + r.problems().size() + " problem(s); the bundle no longer "
                + "matches what was sealed");
        err.flush();
    }
}
