package org.exhibit.cli;

import org.exhibit.evidence.ToolInfo;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The top-level `exhibit` command: only lists the subcommands. */
@Command(name = "exhibit", mixinStandardHelpOptions = true, versionProvider = ExhibitCommand.Version.class,
        description = "Evidence toolkit for disputes over AI-generated content: reads and reproduces generation "
                + "metadata, compares images and voices, checks watermarks and AI labels, and writes reports "
                + "a court can rely on.",
        subcommands = {ReportCommand.class, BundleCommand.class, InspectCommand.class, SdCommand.class,
                CompareCommand.class, WatermarkCommand.class, VoiceCommand.class, LabelCommand.class,
                AutoComplete.GenerateCompletion.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  ran, nothing failed",
                "  1  a finding or policy check crossed --fail-on or the bundle policy",
                "  2  usage error (bad options)",
                "  3  an input is missing, unreadable, corrupt or over a limit",
                "  4  internal error (a bug, or the build's model files are missing)",
                "  5  an evidence bundle was altered: a file changed, went missing or was added",
                "",
                "Benchmarks (re-measure the error rates reports cite): exhibit bench --list,",
                "  exhibit bench NAME [--seed N] [--scale X]; bin/exhibit runs them from the",
                "  bench jar, bench/target/exhibit-bench.jar, kept out of this one",
                "Shell completion: source <(exhibit generate-completion)"})
public class ExhibitCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            ToolInfo t = ToolInfo.current();
            return new String[]{t.name() + " " + t.version() + " (commit " + t.commit() + ")"};
        }
    }
}
