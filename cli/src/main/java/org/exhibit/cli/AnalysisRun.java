package org.exhibit.cli;

import org.exhibit.analysis.Analyses;
import org.exhibit.analysis.Analysis;
import org.exhibit.analysis.AnalysisContext;
import org.exhibit.analysis.Progress;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.InputProblem;
import org.exhibit.evidence.Report;
import org.exhibit.io.InputException;
import org.exhibit.io.Inputs;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What every analysing command does once its options are parsed: open the inputs (hash, type), run one
 * registered {@link Analysis} through the contract, render the report. A command adds its inputs by role and
 * its parameters, and nothing else. In a batch, an input that cannot be opened or read is named once on
 * standard error, listed in the report's problems, and the exit code is 3 after every other input was done.
 */
final class AnalysisRun {

    private final Analysis analysis;
    private final CommonOptions common;
    private final Map<String, List<AnalysisContext.Input>> byRole = new LinkedHashMap<>();
    private final List<Exhibit> exhibits = new ArrayList<>();
    private final List<InputProblem> problems = new ArrayList<>();
    private final Map<String, Object> params = new TreeMap<>();
    private Progress progress = Progress.NONE;

    AnalysisRun(String analysis, CommonOptions common) {
        this.analysis = Analyses.get(analysis);
        this.common = common;
    }

    /** An input the analysis cannot do without: if it cannot be opened, the run stops with that error (exit 3). */
    AnalysisRun require(Path file, String role, String shownAs) throws InputException {
        add(role, Inputs.open(file, shownAs, common.limits()), file);
        return this;
    }

    /** Inputs of a batch: one that cannot be opened is recorded as a problem and the others go on. */
    AnalysisRun each(List<BatchInputs.Item> files, String role, String shownAs) {
        for (BatchInputs.Item f : files) {
            if (f.problem() != null) {
                problems.add(new InputProblem(f.shown(), f.problem()));
                continue;
            }
            try {
                Exhibit e = Inputs.open(f.path(), shownAs, common.limits());
                add(role, f.shown().equals(e.path()) ? e
                        : new Exhibit(f.shown(), e.sha256(), e.size(), e.mediaType(), e.role()), f.path());
            } catch (InputException e) {
                problems.add(new InputProblem(f.shown(), e.problem(), e));
            }
        }
        return this;
    }

    AnalysisRun param(String key, Object value) {
        if (value != null) {
            params.put(key, value);
        }
        return this;
    }

    AnalysisRun progress(Progress p) {
        this.progress = p;
        return this;
    }

    boolean hasInputs() {
        return !exhibits.isEmpty();
    }

    /** Runs the analysis and builds the report; {@code options} are what the command shows as its settings. */
    Report report(String title, Map<String, Object> options) throws Exception {
        AnalysisContext c = new AnalysisContext(analysis.name(), AnalysisContext.COMMAND_LINE, byRole,
                Analyses.effectiveParams(analysis, params), common.limits(), progress);
        Analyses.Outcome outcome = Analyses.run(analysis, c);
        List<InputProblem> all = new ArrayList<>(problems);
        all.addAll(outcome.problems());
        List<Exhibit> shown = new ArrayList<>(exhibits);
        shown.addAll(outcome.declared());
        return ReportOutput.report(title, options, shown, outcome.findings(), outcome.models(), all);
    }

    /** Renders the report as asked; names each input that failed on stderr; exit 3 when any did. */
    int emit(Report report, OutputOptions output, CommandSpec spec, Function<Report, String> text) throws Exception {
        boolean debug = common.debug;
        int code = ReportOutput.emit(report, output, spec.commandLine().getOut(), text);
        PrintWriter err = spec.commandLine().getErr();
        for (InputProblem p : report.problems()) {
            if (debug && p.cause() != null) {
                p.cause().printStackTrace(err);
            }
            err.println("exhibit: " + p.file() + ": " + p.problem());
        }
        err.flush();
        return report.problems().isEmpty() ? code : ExitCodes.INPUT;
    }

    /** The usual settings a command shows: the limits it ran under. */
    Map<String, Object> limitOptions() {
        Map<String, Object> o = new TreeMap<>();
        o.put("maxPixels", common.maxPixels);
        o.put("maxFileBytes", common.maxFileBytes);
        return o;
    }

    private void add(String role, Exhibit e, Path file) {
        exhibits.add(e);
        byRole.computeIfAbsent(role, r -> new ArrayList<>()).add(new AnalysisContext.Input(e, file));
    }
}
