package org.exhibit.cli;

import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.io.InputException;
import org.exhibit.io.Inputs;
import org.exhibit.sd.GenerationRecord;
import org.exhibit.sd.SdMetadata;
import org.exhibit.sd.history.CreativeHistory;
import org.exhibit.sd.history.HistoryEntry;
import org.exhibit.sd.history.RecordedTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        List<Exhibit> exhibits = new ArrayList<>();
        List<HistoryEntry> entries = new ArrayList<>();
        List<Exhibit> skipped = new ArrayList<>();
        for (Path file : images(dir)) {
            Exhibit e = Inputs.open(file, "input", common.limits());
            exhibits.add(e);
            List<GenerationRecord> records = SdMetadata.read(file, common.limits());
            if (records.isEmpty()) {
                skipped.add(e);
            } else {
                entries.add(HistoryEntry.of(e, RecordedTime.of(file), records.get(0)));
            }
        }
        if (exhibits.isEmpty()) {
            throw new InputException(dir, "holds no .png, .jpg, .jpeg or .webp file");
        }
        List<Finding> findings = CreativeHistory.analyze(entries, skipped);
        var report = ReportOutput.report("exhibit sd history", Map.of("maxPixels", common.maxPixels,
                "maxFileBytes", common.maxFileBytes, "dir", Inputs.displayPath(dir)), exhibits, findings, List.of());
        return ReportOutput.emit(report, output, spec.commandLine().getOut());
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
