package org.exhibit.cli;

/** The documented exit codes (README, `exhibit --help`). */
public final class ExitCodes {

    /** Ran, nothing failed. */
    public static final int OK = 0;
    /** Ran, and a finding or policy check crossed the line the user asked to fail on. */
    public static final int FINDINGS = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** An input could not be read as what it should be (missing, unreadable, corrupt, over a limit). */
    public static final int INPUT = 3;
    /** A bug or an environment failure in exhibit itself. */
    public static final int INTERNAL = 4;
    /** An evidence bundle no longer matches its BagIt manifests: a file changed, went missing, or was added. */
    public static final int BUNDLE_ALTERED = 5;

    private ExitCodes() {
    }
}
