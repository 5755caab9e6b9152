package org.exhibit.cli;

import org.exhibit.analysis.Roles;
import org.exhibit.report.TextReportWriter;
import org.exhibit.io.Inputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "verify-model", mixinStandardHelpOptions = true,
        description = "Hash every weight file (.safetensors, .ckpt, .pt, .pth, .bin) under --models DIR in one "
                + "streaming pass each, under every scheme generators and Civitai record (AutoV1, AutoV2, AutoV3 / "
                + "addnet, SHA256, CRC32, optionally BLAKE3), check safetensors headers, and say which file each "
                + "hash in the images' generation records names (Model hash, Lora hashes, TI hashes, VAE hash, "
                + "Civitai Hashes): match, no match, or ambiguous.",
        footerHeading = "%nExamples:%n",
        footer = {"  exhibit sd verify-model 00012-2692150200.png --models stable-diffusion-webui/models",
                "  exhibit sd verify-model --models models/Lora --blake3 --format json   (hashes only)"})
class SdVerifyModelCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Images whose generation records name the hashes "
            + "(never modified). Without any, only the weight files are hashed.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--models", paramLabel = "DIR", required = true,
            description = "Folder of weight files, searched recursively (links followed, 8 levels).")
    Path models;

    @Option(names = "--blake3", description = "Also compute BLAKE3 (Civitai lists it; no generator records it; "
            + "slow in pure Java).")
    boolean blake3;

    @Mixin
    CommonOptions common;

    @Mixin
    OutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<BatchInputs.Item> images = files.stream().map(p -> new BatchInputs.Item(p, Inputs.displayPath(p), null))
                .toList();
        AnalysisRun run = new AnalysisRun("model-verification", common).each(images, Roles.INPUT, "input")
                .param("modelsDir", models.toString()).param("blake3", blake3);
        Map<String, Object> options = run.limitOptions();
        options.put("models", Inputs.displayPath(models));
        options.put("blake3", blake3);
        return run.emit(run.report("exhibit sd verify-model", options), output, spec, TextReportWriter::render);
    }
}
