package org.exhibit.cli;

import org.exhibit.report.TextReportWriter;
import org.exhibit.analysis.Roles;
import org.exhibit.io.InputException;
import org.exhibit.io.Inputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Reconstruct a creator's sequence of generations from a folder of their outputs (PNG, JPEG, "
                + "WEBP with generation records): order them (A1111 file-name counter, PNG tIME / EXIF time, file "
                + "name) and report step by step what changed: seed, parameters, LoRAs and weights, prompt words "
                + "added, removed or re-weighted.",
        footerHeading = "%nExamples:%n",
        footer = {"  exhibit sd history outputs/txt2img-images/2023-02-24",
                "  exhibit sd history outputs --report-dir case-history"})
class SdHistoryCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder of the creator's outputs (not searched "
            + "recursively; never modified).")
    Path dir;

    @Mixin
    CommonOptions common;

    @Mixin
    OutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<BatchInputs.Item> files = images(dir).stream()
                .map(p -> new BatchInputs.Item(p, Inputs.displayPath(p), null)).toList();
        if (files.isEmpty()) {
            throw new InputException(dir, "holds no .png, .jpg, .jpeg or .webp file");
        }
        AnalysisRun run = new AnalysisRun("sd-history", common).each(files, Roles.GENERATION_FOLDER, "input");
        Map<String, Object> options = run.limitOptions();
        options.put("dir", Inputs.displayPath(dir));
        return run.emit(run.report("exhibit sd history", options), output, spec, TextReportWriter::render);
    }

    private static List<Path> images(Path dir) throws InputException {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir, Files.exists(dir) ? "is not a folder" : "no such folder");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".webp");
            }).sorted().toList();
        } catch (IOException e) {
            throw new InputException(dir, "cannot list: " + e.getMessage(), e);
        }
    }
}
