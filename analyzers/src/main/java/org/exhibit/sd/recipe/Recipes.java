package org.exhibit.sd.recipe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.evidence.EvidencePointer;
import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.Method;
import org.exhibit.sd.GenerationRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a generation record into what reproduces it on a target generator, checks the recipe by reading it back
 * ({@link RecipeFields#differences}) and describes the result as a finding ({@code sd.recipe}).
 */
public final class Recipes {

    public static final String RULE = "sd.recipe";
    static final Method METHOD = new Method("Generation recipe from a record", "1",
            "A1111 modules/api/models.py (txt2img payload), ComfyUI API prompt format, diffusers pipelines");

    /** Where the recipe is meant to run. */
    public enum Target {
        A1111("A1111 /sdapi/v1/txt2img payload (JSON)"),
        COMFYUI("ComfyUI /prompt API graph (JSON)"),
        DIFFUSERS("Python diffusers script");

        private final String label;

        Target(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param text        the recipe (JSON or Python)
     * @param notes       what the recipe could not carry over
     * @param differences what reading the recipe back gives differently from the record (empty when faithful)
     */
    public record Recipe(Target target, String text, List<String> notes, List<String> differences) {
    }

    private Recipes() {
    }

    public static Recipe write(GenerationRecord r, Target target) {
        List<String> notes = new ArrayList<>();
        String text = switch (target) {
            case A1111 -> json(A1111Recipe.payload(r));
            case COMFYUI -> {
                ComfyRecipe.Graph g = ComfyRecipe.graph(r);
                notes.addAll(g.notes());
                yield json(g.graph());
            }
            case DIFFUSERS -> DiffusersRecipe.script(r);
        };
        if (target == Target.A1111 && r.generator() != null && r.generator().toLowerCase(Locale.ROOT).contains("comfy")) {
            notes.add("ComfyUI noise is drawn on the CPU: the payload asks A1111 for randn_source CPU, but ComfyUI "
                    + "and A1111 schedule and weight prompts differently.");
        }
        List<String> differences = target == Target.COMFYUI ? List.of()
                : RecipeFields.of(r).differences(RecipeFields.of(read(text, target)));
        return new Recipe(target, text, notes, differences);
    }

    /** The record a recipe asks for. ComfyUI graphs are read by the sd reader (see the tests), not here. */
    public static GenerationRecord read(String text, Target target) {
        return switch (target) {
            case A1111 -> {
                try {
                    JsonNode n = A1111Recipe.JSON.readTree(text);
                    yield A1111Recipe.parse(n);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("not a JSON payload: " + e.getOriginalMessage());
                }
            }
            case DIFFUSERS -> DiffusersRecipe.parse(text);
            case COMFYUI -> throw new IllegalArgumentException("read ComfyUI graphs with the sd metadata reader");
        };
    }

    public static Finding finding(Exhibit exhibit, GenerationRecord r, Recipe recipe) {
        Finding.Builder b = Finding.builder("sd", RULE, METHOD)
                .statement("Recipe for " + recipe.target().label() + " from the " + (r.generator() == null
                        ? "generation" : r.generator()) + " record (seed " + r.seed() + ")"
                        + (recipe.differences().isEmpty() ? "; read back, it asks for the same settings."
                        : "; read back, it differs in: " + String.join("; ", recipe.differences()) + "."));
        if (r.source() != null) {
            b.evidence(EvidencePointer.bytes(exhibit, r.source().describe(), r.source().offset(), r.source().length()));
        }
        recipe.notes().forEach(b::limitation);
        b.limitation("A recipe repeats the recorded settings; the same image also needs the same model files, "
                + "generator version, hardware and noise source.");
        return b.data("target", recipe.target().name().toLowerCase(Locale.ROOT)).data("recipe", recipe.text())
                .data("differences", recipe.differences()).build();
    }

    static String json(JsonNode n) {
        try {
            return A1111Recipe.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
