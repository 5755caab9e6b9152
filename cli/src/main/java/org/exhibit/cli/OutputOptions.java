package org.exhibit.cli;

import org.exhibit.evidence.Verdict;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** How a command renders its report, and whether findings should fail the run. */
public class OutputOptions {

    public enum Format { text, json, html, pdf }

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Format format = Format.text;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output (required for pdf). "
                    + "Figures go to figures/ beside it.")
    Path out;

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "Also write report.json, report.html, report.pdf and figures/ into DIR.")
    Path reportDir;

    @Option(names = "--fail-on", paramLabel = "VERDICT",
            description = "Exit with code 1 when any finding is at least this strong: indicates or strongly-indicates.",
            converter = VerdictConverter.class)
    Verdict failOn;

    static final class VerdictConverter implements picocli.CommandLine.ITypeConverter<Verdict> {
        @Override
        public Verdict convert(String value) {
            for (Verdict v : Verdict.values()) {
                if (v.label().equals(value)) {
                    return v;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("expected one of info, inconclusive, contradicts, "
                    + "indicates, strongly-indicates, not '" + value + "'");
        }
    }
}
