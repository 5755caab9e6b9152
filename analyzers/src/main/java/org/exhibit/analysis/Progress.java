package org.exhibit.analysis;

/**
 * Where a long bundle run says what it is doing. The CLI prints these on standard error; tests collect them.
 * Called from worker threads when runs are parallel: implementations must be thread-safe.
 */
@FunctionalInterface
public interface Progress {

    Progress NONE = (step, message) -> { };

    /**
     * @param step    the step ("verify", an analysis id, "report")
     * @param message what happened, in a few words
     */
    void event(String step, String message);
}
