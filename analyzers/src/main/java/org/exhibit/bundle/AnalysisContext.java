package org.exhibit.bundle;

import org.exhibit.evidence.Exhibit;
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
 * What one analysis step gets: its inputs by role (each an exhibit already hashed, with the file to read),
 * its effective parameters (defaults overridden by the manifest), the input limits, a progress callback, and a
 * place to declare the model weights its findings rest on.
 */
public final class AnalysisContext {

    /** One input: the exhibit as the report lists it, and the file to read. */
    public record Input(Exhibit exhibit, Path path) {
    }

    private final String stepId;
    private final Map<String, List<Input>> byRole;
    private final Map<String, Object> params;
    private final Limits limits;
    private final Progress progress;
    private final List<ModelUse> models = Collections.synchronizedList(new ArrayList<>());

    AnalysisContext(String stepId, Map<String, List<Input>> byRole, Map<String, Object> params, Limits limits,
                    Progress progress) {
        this.stepId = stepId;
        this.byRole = new TreeMap<>(byRole);
        this.params = new TreeMap<>(params);
        this.limits = limits;
        this.progress = progress;
    }

    /** Every input with this role, in manifest order (a folder's files sorted by path); empty if none. */
    public List<Input> inputs(String role) {
        return byRole.getOrDefault(role, List.of());
    }

    /** The one input with this role; an error naming the role when there are none or several. */
    public Input input(String role) throws InputException {
        List<Input> all = inputs(role);
        if (all.size() != 1) {
            throw new InputException(Path.of(CaseManifest.FILE_NAME), "analysis '" + stepId + "' needs exactly one '"
                    + role + "' exhibit, the bundle has " + all.size() + "; name one under the step's inputs");
        }
        return all.get(0);
    }

    public boolean has(String role) {
        return !inputs(role).isEmpty();
    }

    public Object param(String key) {
        if (!params.containsKey(key)) {
            throw new IllegalArgumentException("analysis " + stepId + " has no parameter " + key);
        }
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

    List<ModelUse> models() {
        return List.copyOf(models);
    }

    public String stepId() {
        return stepId;
    }
}
