package org.exhibit.sd.replay;

/** Receives progress while a server renders; the CLI prints it, analyzers never do. */
@FunctionalInterface
public interface ReplayProgress {

    /**
     * @param step     what is happening, e.g. "rendering the claimed settings"
     * @param fraction 0..1 when the server reports it, else negative
     */
    void update(String step, double fraction);

    ReplayProgress NONE = (step, fraction) -> { };
}
