package org.exhibit.cli;

import org.exhibit.evidence.Clock;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Figure;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.InputProblem;
import org.exhibit.evidence.ModelUse;
import org.exhibit.evidence.Report;
import org.exhibit.evidence.ToolInfo;
import org.exhibit.report.HtmlReportWriter;
import org.exhibit.report.JsonReportWriter;
import org.exhibit.report.PdfReportWriter;
import org.exhibit.report.TextReportWriter;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Assembles a report and writes it in the requested forms. The one place the CLI turns findings into files. */
final class ReportOutput {

    private ReportOutput() {
    }

    static Report report(String title, Map<String, Object> options, List<Exhibit> exhibits, List<Finding> findings,
                         List<ModelUse> models) {
        return report(title, options, exhibits, findings, models, List.of());
    }

    static Report report(String title, Map<String, Object> options, List<Exhibit> exhibits, List<Finding> findings,
                         List<ModelUse> models, List<InputProblem> problems) {
        return new Report(Report.SCHEMA, title, ToolInfo.current(), Clock.reportTime(System.getenv("SOURCE_DATE_EPOCH")),
                options, exhibits, findings, models, problems);
    }

    /** Writes the report as asked and returns the exit code its findings imply. */
    static int emit(Report report, OutputOptions o, PrintWriter stdout) throws IOException {
        return emit(report, o, stdout, TextReportWriter::render);
    }

    /** As {@link #emit(Report, OutputOptions, PrintWriter)}, with a command's own terminal rendering. */
    static int emit(Report report, OutputOptions o, PrintWriter stdout, Function<Report, String> text)
            throws IOException {
        refuseToOverwriteInputs(report, o.out);
        if (o.reportDir != null) {
            for (String name : List.of("report.json", "report.html", "report.pdf")) {
                refuseToOverwriteInputs(report, o.reportDir.resolve(name));
            }
        }
        byte[] rendered = switch (o.format) {
            case text -> (text.apply(report) + problemsText(report)).getBytes(StandardCharsets.UTF_8);
            case json -> JsonReportWriter.write(report);
            case html -> HtmlReportWriter.write(report);
            case pdf -> PdfReportWriter.write(report);
        };
        if (o.out != null) {
            write(o.out, rendered);
            if (o.format == OutputOptions.Format.json) {
                writeFigures(report, parentOf(o.out));
            }
        } else if (o.format == OutputOptions.Format.pdf) {
            throw new UsageException("--format pdf needs --out FILE");
        } else {
            stdout.print(new String(rendered, StandardCharsets.UTF_8));
            stdout.flush();
        }
        if (o.reportDir != null) {
            writeAll(report, o.reportDir);
        }
        return o.failOn != null && report.strongest().compareTo(o.failOn) >= 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** The inputs that could not be analysed, after a command's own terminal text. */
    static String problemsText(Report report) {
        if (report.problems().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("\nnot analysed (" + report.problems().size() + "):\n");
        report.problems().forEach(p -> b.append("  ").append(p.file()).append(": ").append(p.problem()).append('\n'));
        return b.toString();
    }

    /** An output path that names an input would destroy evidence: refuse it before writing anything. */
    static void refuseToOverwriteInputs(Report report, Path out) {
        if (out == null) {
            return;
        }
        Path target = out.toAbsolutePath().normalize();
        for (Exhibit e : report.exhibits()) {
            Path in = Path.of(e.path()).toAbsolutePath().normalize();
            boolean same = in.equals(target);
            try {
                same |= Files.exists(target) && Files.isSameFile(in, target);
            } catch (IOException ignored) {
                // cannot compare: the path comparison above stands
            }
            if (same) {
                throw new UsageException(out + ": is an input of this run; refusing to overwrite it");
            }
        }
    }

    static void writeAll(Report report, Path dir) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve("report.json"), JsonReportWriter.write(report));
        write(dir.resolve("report.html"), HtmlReportWriter.write(report));
        write(dir.resolve("report.pdf"), PdfReportWriter.write(report));
        writeFigures(report, dir);
    }

    private static void writeFigures(Report report, Path dir) throws IOException {
        for (Finding f : report.findings()) {
            for (Figure fig : f.figures()) {
                write(dir.resolve(fig.fileName()), fig.png());
            }
        }
    }

    private static Path parentOf(Path p) {
        Path parent = p.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    static void write(Path file, byte[] bytes) throws IOException {
        Path parent = parentOf(file);
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".exhibit", ".part");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
