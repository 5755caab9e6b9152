package org.exhibit.io;

import java.nio.file.Path;

/**
 * An input the user gave cannot be read as what it claims to be. The CLI prints
 * {@link #getMessage()} as one line ("FILE: problem") and exits with code 3.
 */
public class InputException extends Exception {

    private final String file;
    private final String problem;

    public InputException(Path file, String problem) {
        this(file, problem, null);
    }

    public InputException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file.toString();
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public String problem() {
        return problem;
    }
}
