package org.exhibit.analysis;

import org.exhibit.evidence.Exhibit;
import org.exhibit.evidence.Finding;
import org.exhibit.evidence.InputProblem;
import org.exhibit.evidence.ModelUse;
import org.exhibit.io.InputException;
import org.exhibit.io.Limits;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one analysis run gets, from the CLI or from a bundle: its inputs by role (each an exhibit already hashed,
 * with the file to read), its effective parameters, the input limits, a progress callback, and places to
 * declare the model weights its findings rest on and the inputs it could not read.
 */
public final class AnalysisContext {

    /** One input: the exhibit as the report lists it (with the role the user gave it), and the file to read. */
    public record Input(Exhibit exhibit, Path path) {
    }

    /** The work done on one input of a batch. */
    @FunctionalInterface
    public interface PerInput {
        List<Finding> run(Input input) throws Exception;
    }

    private final String stepId;
    private final String source;
    private final Map<String, List<Input>> byRole;
    private final Map<String, Object> params;
    private final Limits limits;
    private final Progress progress;
    private final List<ModelUse> models = Collections.synchronizedList(new ArrayList<>());
    private final List<InputProblem> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<Exhibit> declared = Collections.synchronizedList(new ArrayList<>());

    /** The {@code source} of a run the command line started (its parameters may name the user's own files). */
    public static final String COMMAND_LINE = "the command line";

    /**
     * @param stepId what messages call this run (a manifest step id, or the analysis name on the command line)
     * @param source where the parameters came from, for errors about them ("exhibit.yaml", "the command line")
     * @param byRole inputs keyed by the analysis's roles ({@link Roles})
     * @param params effective parameters: {@link Analyses#effectiveParams} of the caller's overrides
     */
    public AnalysisContext(String stepId, String source, Map<String, List<Input>> byRole, Map<String, Object> params,
                           Limits limits, Progress progress) {
        this.stepId = stepId;
        this.source = source;
        this.byRole = new TreeMap<>(byRole);
        this.params = new TreeMap<>(params);
        this.limits = limits;
        this.progress = progress;
    }

    /** Every input with this role, in the caller's order (a folder's files sorted by path); empty if none. */
    public List<Input> inputs(String role) {
        return byRole.getOrDefault(role, List.of());
    }

    /** The one input with this role; an error naming the role when there are none or several. */
    public Input input(String role) throws InputException {
        List<Input> all = inputs(role);
        if (all.size() != 1) {
            throw new InputException(Path.of(source), "analysis '" + stepId + "' needs exactly one '"
                    + role + "' input, it has " + all.size());
        }
        return all.get(0);
    }

    public boolean has(String role) {
        return !inputs(role).isEmpty();
    }

    /**
     * Runs {@code step} on each input in turn. An input that cannot be read (or whose reading fails inside a
     * parser) becomes an {@link InputProblem} naming it, and the others still run: one bad file never empties
     * a batch's report.
     */
    public List<Finding> eachInput(List<Input> inputs, PerInput step) {
        List<Finding> out = new ArrayList<>();
        for (Input in : inputs) {
            try {
                out.addAll(step.run(in));
            } catch (InputException e) {
                problems.add(new InputProblem(in.exhibit().path(), e.problem(), e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                // a parser's failure on this file's bytes (a library's NullPointerException, a bound hit deep down):
                // the file is reported as not analysed, in words, and the batch goes on
                problems.add(new InputProblem(in.exhibit().path(), "could not be analysed: " + describe(e), e));
            }
        }
        return out;
    }

    /** Records that this input could not be analysed. */
    public void problem(Input in, String problem) {
        problems.add(new InputProblem(in.exhibit().path(), problem));
    }

    public Object param(String key) {
        if (!params.containsKey(key)) {
            throw new IllegalArgumentException("analysis " + stepId + " has no parameter " + key);
        }
        return params.get(key);
    }

    /** A parameter without a default, or null when the caller did not give it. */
    public Object optionalParam(String key) {
        return params.get(key);
    }

    public double number(String key) {
        return ((Number) param(key)).doubleValue();
    }

    public String text(String key) {
        return String.valueOf(param(key));
    }

    public Map<String, Object> params() {
        return params;
    }

    public Limits limits() {
        return limits;
    }

    public void progress(String message) {
        progress.event(stepId, message);
    }

    public void usedModel(ModelUse model) {
        models.add(model);
    }

    public List<ModelUse> models() {
        return List.copyOf(models);
    }

    /** A file the analysis read that was not one of its inputs (e.g. weights found under a folder it was given). */
    public void declareExhibit(Exhibit e) {
        declared.add(e);
    }

    public List<Exhibit> declared() {
        return List.copyOf(declared);
    }

    public List<InputProblem> problems() {
        return List.copyOf(problems);
    }

    public String stepId() {
        return stepId;
    }

    /** Where the parameters came from, for error messages. */
    public String source() {
        return source;
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        if (e instanceof OutOfMemoryError) {
            return "it needs more memory than this run has";
        }
        if (e instanceof StackOverflowError) {
            return "its structure is nested too deeply";
        }
        return m == null || m.isBlank() ? "its data is malformed (the reader failed without a message)"
                : "its data is malformed (" + m.replaceAll("\\s+", " ") + ")";
    }
}
