package org.exhibit.cli;

import org.exhibit.io.InputException;
import org.exhibit.models.ModelUnavailableException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Entry point. Errors become one line on standard error ("exhibit: FILE: problem") and a documented exit code;
 * stack traces only with --debug.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(commandLine(), out, err, args);
    }

    /**
     * Runs {@code cl}, the command tree of {@link #commandLine()} with perhaps more subcommands added (the bench
     * jar adds {@code bench} and {@code bundle demo}), with this entry point's error lines and exit codes.
     */
    public static int run(CommandLine cl, PrintWriter out, PrintWriter err, String... args) {
        cl.setOut(out);
        cl.setErr(err);
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        // PDFBox and openhtmltopdf log through java.util.logging; keep the terminal for our own messages
        java.util.logging.Logger.getLogger("").setLevel(debug ? java.util.logging.Level.INFO : java.util.logging.Level.OFF);
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(debug); // it installs its own handlers, past the level above
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (debug) {
                e.printStackTrace(err);
            }
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            if (cause instanceof org.exhibit.bundle.BundleAlteredException altered) {
                BundleVerifyCommand.printProblems(err, altered.file(), altered.result());
                return ExitCodes.BUNDLE_ALTERED;
            }
            if (cause instanceof InputException ie) {
                err.println("exhibit: " + ie.getMessage());
                return ExitCodes.INPUT;
            }
            if (cause instanceof UsageException || cause instanceof CommandLine.ParameterException
                    || cause instanceof org.exhibit.analysis.ParameterException) {
                err.println("exhibit: " + cause.getMessage());
                return ExitCodes.USAGE;
            }
            if (cause instanceof ModelUnavailableException me) {
                err.println("exhibit: " + me.getMessage());
                return ExitCodes.INTERNAL;
            }
            err.println("exhibit: internal error: " + oneLine(cause) + (debug ? "" : " (run with --debug for details)"));
            return ExitCodes.INTERNAL;
        });
        cl.setParameterExceptionHandler((e, a) -> {
            err.println("exhibit: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        return cl.execute(args);
    }

    /** The {@code exhibit} command tree. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ExhibitCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    private static String oneLine(Throwable t) {
        String m = t.getMessage();
        return (m == null ? t.getClass().getSimpleName() : m).replaceAll("\\s+", " ");
    }
}
