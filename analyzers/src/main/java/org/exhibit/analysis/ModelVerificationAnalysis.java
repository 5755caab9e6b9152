package org.exhibit.analysis;

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

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which weight file each hash in the images' generation records names ({@link ModelVerifier}). The weights are
 * the case's "model" exhibits, or, on the command line, every weight file under a folder: those are hashed once,
 * in the one streaming pass that gives every hash, and declared as exhibits of the run.
 */
final class ModelVerificationAnalysis implements Analysis {

    static final String MODELS_DIR = "modelsDir";
    static final String BLAKE3 = "blake3";
    private static final List<String> IMAGE_ROLES = List.of(Roles.ORIGINAL, Roles.ACCUSED, Roles.GENERATION_FOLDER,
            Roles.INPUT);

    @Override
    public String name() {
        return "model-verification";
    }

    @Override
    public String question() {
        return "Are the model files the generation records name the ones at hand?";
    }

    @Override
    public String method() {
        return "Every weight file is hashed as the generators and Civitai hash them (AutoV1, AutoV2, AutoV3, SHA-256, "
                + "CRC32), and each hash a generation record states (model, LoRA, embedding, VAE) is looked up among "
                + "them: which file it names, or that none or several match.";
    }

    @Override
    public Set<String> required() {
        return Set.of();
    }

    @Override
    public Set<String> optional() {
        return Set.of(Roles.ORIGINAL, Roles.ACCUSED, Roles.GENERATION_FOLDER, Roles.INPUT, Roles.MODEL);
    }

    @Override
    public Map<String, Object> defaults() {
        return Map.of(BLAKE3, false);
    }

    @Override
    public Set<String> optionalParams() {
        return Set.of(MODELS_DIR);
    }

    @Override
    public boolean applies(Set<String> roles) {
        return roles.contains(Roles.MODEL); // a case with model files
    }

    @Override
    public List<Finding> run(AnalysisContext c) throws Exception {
        List<RecordedHash> recorded = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (String role : IMAGE_ROLES) {
            findings.addAll(c.eachInput(c.inputs(role), in -> {
                Exhibit e = in.exhibit();
                List<GenerationRecord> records = SdMetadata.read(in.path(), c.limits());
                int before = recorded.size();
                records.forEach(r -> recorded.addAll(RecordedHashes.of(r, e)));
                if (recorded.size() > before) {
                    return List.of();
                }
                return List.of(Finding.builder(ModelVerifier.ANALYZER, "sd.no-recorded-hash", ModelVerifier.METHOD)
                        .statement(e.path() + " holds " + (records.isEmpty() ? "no generation record"
                                : "generation records that state no resource hash") + ", so there is nothing to "
                                + "match against the weight files.")
                        .evidence(EvidencePointer.bytes(e, "whole file", 0, e.size())).build());
            }));
        }
        boolean blake3 = Boolean.TRUE.equals(c.param(BLAKE3));
        List<ModelVerifier.WeightFile> weights = new ArrayList<>();
        for (AnalysisContext.Input in : c.inputs(Roles.MODEL)) {
            weights.add(new ModelVerifier.WeightFile(in.exhibit(), hash(in.path(), in.exhibit().path(), blake3)));
        }
        Object dir = c.optionalParam(MODELS_DIR);
        if (dir != null) {
            if (!c.source().equals(AnalysisContext.COMMAND_LINE)) {
                throw new ParameterException("in a bundle the weights are exhibits with role 'model', not a folder");
            }
            Path models = Path.of(dir.toString());
            for (Path p : WeightFiles.under(models)) {
                // weights are streamed, never held in memory: the size limit on parsed inputs does not apply
                Inputs.checkReadableFile(p, c.limits().withMaxFileBytes(Long.MAX_VALUE));
                ModelFileHashes h = hash(p, Inputs.displayPath(p), blake3);
                Exhibit e;
                try {
                    e = new Exhibit(h.path(), h.sha256(), h.size(), Inputs.detect(p), "reference");
                } catch (IOException ex) {
                    throw new InputException(p, "cannot read: " + ex.getMessage(), ex);
                }
                c.declareExhibit(e);
                weights.add(new ModelVerifier.WeightFile(e, h));
            }
            if (weights.isEmpty()) {
                throw new InputException(models, "holds no .safetensors, .ckpt, .pt, .pth or .bin file");
            }
        }
        if (weights.isEmpty()) {
            throw new ParameterException("no weight files: give the case's model files (role 'model') or a folder");
        }
        findings.addAll(ModelVerifier.describe(weights));
        findings.addAll(ModelVerifier.verify(recorded, weights));
        return findings;
    }

    private static ModelFileHashes hash(Path p, String shown, boolean blake3) throws InputException {
        try {
            return ModelHasher.hash(p, shown, blake3);
        } catch (IOException e) {
            throw new InputException(p, "cannot read: " + e.getMessage(), e);
        }
    }
}
