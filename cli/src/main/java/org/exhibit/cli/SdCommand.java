package org.exhibit.cli;

import picocli.CommandLine.Command;

/** `exhibit sd ...`: Stable Diffusion generation records — read, check, reproduce. Only groups its subcommands. */
@Command(name = "sd", mixinStandardHelpOptions = true,
        description = "Stable Diffusion generation records: read them from any generator's files, check model "
                + "hashes and consistency, reconstruct a creator's history, and reproduce a generation.",
        subcommands = {SdShowCommand.class, SdVerifyModelCommand.class, SdHistoryCommand.class, SdRecipeCommand.class,
                SdReplayCommand.class, SdNoiseCommand.class})
class SdCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
