package org.exhibit.sd.replay;

/** The generator server could not render the recipe: unreachable, refused it, lacks the model, or timed out. */
public class ReplayException extends Exception {

    public ReplayException(String message) {
        super(message);
    }

    public ReplayException(String message, Throwable cause) {
        super(message, cause);
    }
}
