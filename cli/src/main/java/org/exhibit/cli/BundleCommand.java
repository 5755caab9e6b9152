package org.exhibit.cli;

import picocli.CommandLine.Command;

/** `exhibit bundle ...`: make, extend and verify evidence bundles. Only groups its subcommands. */
@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = "Evidence bundles: a BagIt bag (RFC 8493) holding the exhibits and exhibit.yaml, the case "
                + "manifest (case name, each exhibit's role and provenance, the analyses to run and the policy "
                + "checks). Every file is SHA-256-sealed; `exhibit report BUNDLE` runs it.",
        subcommands = {BundleInitCommand.class, BundleAddCommand.class, BundleVerifyCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  exhibit bundle init case-42 --case \"Li v. Liu\"",
                "  exhibit bundle add case-42 original.png --role original --provenance \"downloaded by the plaintiff\"",
                "  exhibit bundle verify case-42",
                "  exhibit report case-42"})
class BundleCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
