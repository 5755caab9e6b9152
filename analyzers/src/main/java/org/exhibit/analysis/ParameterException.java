package org.exhibit.analysis;

/**
 * A parameter the caller gave cannot be used with these inputs (e.g. a region outside the picture). The CLI
 * reports it as a usage error; the bundle runner as an analysis that could not run.
 */
public class ParameterException extends Exception {

    public ParameterException(String message) {
        super(message);
    }
}
