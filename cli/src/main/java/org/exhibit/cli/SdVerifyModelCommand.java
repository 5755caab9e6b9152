package org.exhibit.cli;

import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.io.InputException;
import org.exhibit.io.Inputs;
import org.exhibit.sd.GenerationRecord;
import org.exhibit.sd.SdMetadata;
import org.exhibit.sd.hash.ModelFileHashes;
import org.exhibit.sd.hash.ModelHasher;
import org.exhibit.sd.hash.ModelVerifier;
import org.exhibit.sd.hash.RecordedHash;
import org.exhibit.sd.hash.RecordedHashes;
import org.exhibit.sd.hash.WeightFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        List<Exhibit> exhibits = new ArrayList<>();
        List<RecordedHash> recorded = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Path file : files) {
            Exhibit e = Inputs.open(file, "input", common.limits());
            exhibits.add(e);
            List<GenerationRecord> records = SdMetadata.read(file, common.limits());
            int before = recorded.size();
            records.forEach(r -> recorded.addAll(RecordedHashes.of(r, e)));
            if (recorded.size() == before) {
                findings.add(Finding.builder(ModelVerifier.ANALYZER, "sd.no-recorded-hash", ModelVerifier.METHOD)
                        .statement(e.path() + " holds " + (records.isEmpty() ? "no generation record"
                                : "generation records that state no resource hash") + ", so there is nothing to "
                                + "match against the weight files.")
                        .evidence(EvidencePointer.bytes(e, "whole file", 0, e.size())).build());
            }
        }
        List<ModelVerifier.WeightFile> weights = new ArrayList<>();
        for (Path p : WeightFiles.under(models)) {
            weights.add(hash(p));
        }
        if (weights.isEmpty()) {
            throw new InputException(models, "holds no .safetensors, .ckpt, .pt, .pth or .bin file");
        }
        weights.forEach(w -> exhibits.add(w.exhibit()));
        findings.addAll(ModelVerifier.describe(weights));
        findings.addAll(ModelVerifier.verify(recorded, weights));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("maxPixels", common.maxPixels);
        options.put("maxFileBytes", common.maxFileBytes);
        options.put("models", Inputs.displayPath(models));
        options.put("blake3", blake3);
        var report = ReportOutput.report("exhibit sd verify-model", options, exhibits, findings, List.of());
        return ReportOutput.emit(report, output, spec.commandLine().getOut());
    }

    private ModelVerifier.WeightFile hash(Path p) throws InputException {
        // weights are hashed as a stream, never held in memory: --max-file-size (a bound on what is parsed) does not apply
        Inputs.checkReadableFile(p, common.limits().withMaxFileBytes(Long.MAX_VALUE));
        try {
            ModelFileHashes h = ModelHasher.hash(p, Inputs.displayPath(p), blake3);
            return new ModelVerifier.WeightFile(new Exhibit(h.path(), h.sha256(), h.size(), Inputs.detect(p),
                    "reference"), h);
        } catch (IOException e) {
            throw new InputException(p, "cannot read: " + e.getMessage(), e);
        }
    }
}
