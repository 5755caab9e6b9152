package org.exhibit.bundle;

import org.exhibit.io.InputException;

import java.nio.file.Path;

/** The bundle no longer matches its manifests: no analysis may run on it. The CLI exits with its own code. */
public class BundleAlteredException extends InputException {

    private final transient BagCheck.Result result;

    public BundleAlteredException(Path bundle, BagCheck.Result result) {
        super(bundle, "the bundle was altered after it was sealed: " + result.problems().size() + " problem(s), first: "
                + result.problems().get(0));
        this.result = result;
    }

    public BagCheck.Result result() {
        return result;
    }
}
