package org.exhibit.cli;

import org.exhibit.bench.Benchmark;
import org.exhibit.bench.BenchmarkResult;
import org.exhibit.bench.Benchmarks;
import org.exhibit.report.JsonReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure an analyzer's error rates and speed on a corpus generated from a seed. The rates "
                + "that reports cite are the committed output of these runs (analyzers/src/main/resources/"
                + "org/exhibit/NAME/error-rates.json).",
        footerHeading = "%nExamples:%n",
        footer = {"  exhibit bench --list",
                "  exhibit bench similarity --seed 1",
                "  exhibit bench similarity --scale 0.1 --out /tmp/rates.json"})
public class BenchCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Benchmark to run (see --list).")
    String name;

    @Option(names = "--list", description = "List the benchmarks and what they measure.")
    boolean list;

    @Option(names = "--seed", paramLabel = "N", description = "Corpus seed. Default: ${DEFAULT-VALUE}.")
    long seed = 1;

    @Option(names = "--scale", paramLabel = "X", description = "Corpus size, 1.0 = full. Default: ${DEFAULT-VALUE}.")
    double scale = 1.0;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the JSON result to FILE.")
    Path out;

    @Option(names = "--debug", description = "Print stack traces on errors.")
    boolean debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, Benchmark> all = Benchmarks.all();
        var stdout = spec.commandLine().getOut();
        if (list || name == null) {
            all.values().forEach(b -> stdout.println(b.name() + "  " + b.description()));
            return ExitCodes.OK;
        }
        Benchmark b = all.get(name);
        if (b == null) {
            throw new UsageException("no benchmark named '" + name + "'; known: " + String.join(", ", all.keySet()));
        }
        if (!(scale > 0 && scale <= 10)) {
            throw new UsageException("--scale must be in (0, 10], not " + scale);
        }
        BenchmarkResult result = b.run(seed, scale);
        String json = JsonReportWriter.toJson(result);
        if (out != null) {
            Files.writeString(out, json, StandardCharsets.UTF_8);
        }
        stdout.print(json);
        stdout.flush();
        return ExitCodes.OK;
    }
}
