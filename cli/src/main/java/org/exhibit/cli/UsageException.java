package org.exhibit.cli;

/** A command line that parses but asks for something impossible or unsafe; exit code 2. */
class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
