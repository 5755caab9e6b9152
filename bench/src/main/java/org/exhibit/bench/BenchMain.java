package org.exhibit.bench;

import org.exhibit.cli.BenchCommand;
import org.exhibit.cli.BundleDemoCommand;
import org.exhibit.cli.Main;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Entry point of the bench jar ({@code bench/target/exhibit-bench.jar}, which {@code bin/exhibit} runs for
 * {@code exhibit bench ...} and {@code exhibit bundle demo ...}): the product's {@code exhibit} command tree with
 * {@code bench} and {@code bundle demo} added, run by the product's own entry point, so their options, output,
 * error lines and exit codes are those of every other command.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return Main.run(commandLine(), out, err, args);
    }

    static CommandLine commandLine() {
        CommandLine cl = Main.commandLine();
        cl.addSubcommand(new BenchCommand());
        cl.getSubcommands().get("bundle").addSubcommand(new BundleDemoCommand());
        return cl;
    }
}
