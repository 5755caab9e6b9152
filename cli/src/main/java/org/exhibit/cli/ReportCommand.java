package org.exhibit.cli;

import org.exhibit.bundle.BundleRunner;
import org.exhibit.analysis.Progress;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Verdict;
import org.exhibit.report.JUnitXmlWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Run an evidence bundle: verify it (exit 5 if anything changed), run every analysis its "
                + "exhibit.yaml asks for, evaluate its policy checks, and write report.json (the record), "
                + "report.html and report.pdf (for the court), junit.xml (for CI: one test case per policy check) "
                + "and figures/. Exits 1 when a policy check fails. Progress goes to standard error.",
        footerHeading = "%nExamples:%n",
        footer = {"  exhibit report fixtures/demo/li-v-liu",
                "  exhibit report case-42 --out-dir reports/case-42 --jobs 4",
                "",
                "Analyses a manifest can ask for: see `exhibit bundle --help` and README."})
class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "The bundle folder (see `exhibit bundle`).")
    Path bundle;

    @Option(names = {"-o", "--out-dir"}, paramLabel = "DIR",
            description = "Where to write the reports. Default: out/<bundle folder name>. Never inside the bundle.")
    Path outDir;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Run up to N analyses at once. Default: ${DEFAULT-VALUE}.")
    int jobs = 1;

    @Option(names = {"-q", "--quiet"}, description = "No progress messages on standard error.")
    boolean quiet;

    @Mixin
    CommonOptions common;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (jobs < 1) {
            throw new UsageException("--jobs must be 1 or more");
        }
        Path name = bundle.toAbsolutePath().normalize().getFileName();
        Path out = outDir != null ? outDir : Path.of("out", name == null ? "bundle" : name.toString());
        if (out.toAbsolutePath().normalize().startsWith(bundle.toAbsolutePath().normalize())) {
            throw new UsageException(out + ": is inside the bundle; writing there would alter the evidence");
        }
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = quiet ? Progress.NONE : (step, message) -> {
            synchronized (err) {
                err.println("exhibit: " + step + ": " + message);
                err.flush();
            }
        };
        BundleRunner.Run run = BundleRunner.run(bundle, common.limits(), jobs, progress);
        progress.event("report", "writing " + out);
        ReportOutput.writeAll(run.report(), out);
        ReportOutput.write(out.resolve("junit.xml"), JUnitXmlWriter.write(run.report()));
        PrintWriter o = spec.commandLine().getOut();
        o.println(run.report().title() + ": " + run.report().exhibits().size() + " exhibits, "
                + run.report().findings().size() + " findings");
        for (Finding f : run.report().findings()) {
            if (f.verdict() != Verdict.INFO) {
                o.println("  [" + f.verdict().label() + "] " + f.statement());
            }
        }
        for (Finding c : run.checks()) {
            o.println("  " + c.statement());
        }
        o.println("wrote " + out.resolve("report.json") + ", report.html, report.pdf, junit.xml");
        o.flush();
        for (var p : run.report().problems()) {
            err.println("exhibit: " + p.file() + ": " + p.problem());
        }
        if (!run.complete()) {
            err.println("exhibit: " + bundle + ": not every analysis could run; see report.json and junit.xml");
            err.flush();
            return ExitCodes.INPUT;
        }
        return run.policyPassed() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
