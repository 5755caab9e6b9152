package org.exhibit.cli;

import org.exhibit.io.Limits;
import picocli.CommandLine.Option;

/** Options every analysing command shares: limits on what inputs may cost, and --debug. */
public class CommonOptions {

    @Option(names = "--debug", description = "Print stack traces on errors.")
    boolean debug;

    @Option(names = "--max-pixels", paramLabel = "N",
            description = "Refuse images larger than N pixels (decompression-bomb guard). Default: ${DEFAULT-VALUE}.")
    long maxPixels = Limits.DEFAULT.maxPixels();

    @Option(names = "--max-file-size", paramLabel = "BYTES",
            description = "Refuse input files larger than this. Default: ${DEFAULT-VALUE}.")
    long maxFileBytes = Limits.DEFAULT.maxFileBytes();

    public Limits limits() {
        return Limits.DEFAULT.withMaxPixels(maxPixels).withMaxFileBytes(maxFileBytes);
    }
}
