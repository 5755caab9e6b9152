package org.exhibit.analysis;

import org.exhibit.evidence.Finding;
import org.exhibit.io.InputException;
import org.exhibit.sd.GenerationRecord;
import org.exhibit.sd.SdMetadata;
import org.exhibit.sd.recipe.Recipes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Adapter: the recipe that would reproduce each generation record of the original ({@link Recipes}). */
final class RecipeAnalysis implements Analysis {

    @Override
    public String name() {
        return "reproduction-recipe";
    }

    @Override
    public String question() {
        return "Could another expert re-run the recorded generation, and with exactly which settings?";
    }

    @Override
    public String method() {
        return "The generation record is turned into the input another generator takes (an A1111 request, a ComfyUI "
                + "graph or a diffusers script); that recipe is read back and compared with the record, and whatever "
                + "it cannot carry over is listed.";
    }

    @Override
    public String conclusionRule() {
        return "sd.recipe";
    }

    @Override
    public Set<String> required() {
        return Set.of(Roles.ORIGINAL);
    }

    @Override
    public Map<String, Object> defaults() {
        return Map.of("target", "a1111");
    }

    @Override
    public Set<String> optionalParams() {
        return Set.of("record"); // 1-based: only that record of a file with several
    }

    @Override
    public boolean applies(Set<String> roles) {
        return false; // only when a manifest asks: the recipe is for an expert who will re-run it
    }

    @Override
    public List<Finding> run(AnalysisContext c) throws Exception {
        Recipes.Target target;
        try {
            target = Recipes.Target.valueOf(c.text("target").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException("analysis '" + c.stepId() + "': target must be a1111, comfyui or diffusers, "
                    + "not '" + c.text("target") + "'");
        }
        List<Finding> out = new ArrayList<>();
        for (AnalysisContext.Input in : c.inputs(Roles.ORIGINAL)) {
            List<GenerationRecord> records = SdMetadata.read(in.path(), c.limits());
            if (records.isEmpty()) {
                throw new InputException(in.path(), "has no generation record to make a recipe from");
            }
            Object record = c.optionalParam("record");
            if (record != null) {
                int n = ((Number) record).intValue();
                if (n < 1 || n > records.size()) {
                    throw new ParameterException("record " + n + ": " + in.exhibit().path() + " has "
                            + records.size() + " record(s)");
                }
                records = List.of(records.get(n - 1));
            }
            for (GenerationRecord r : records) {
                out.add(Recipes.finding(in.exhibit(), r, Recipes.write(r, target)));
            }
        }
        return out;
    }
}
