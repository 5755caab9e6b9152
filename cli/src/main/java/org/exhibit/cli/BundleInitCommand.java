package org.exhibit.cli;

import org.exhibit.bundle.BundleBuilder;
import org.exhibit.analysis.Roles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a new evidence bundle in DIR (new or empty): an empty BagIt bag with exhibit.yaml. "
                + "With --from, build it from a prepared folder holding exhibit.yaml and the files it names.",
        footerHeading = "%nExamples:%n",
        footer = {"  exhibit bundle init case-42 --case \"Li v. Liu\" --date 2026-11-20T09:00:00Z",
                "  exhibit bundle init case-42 --from prepared-folder"})
class BundleInitCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder for the new bundle (created; must be empty).")
    Path dir;

    @Option(names = "--case", paramLabel = "NAME", description = "Case name (the report's title).")
    String caseName;

    @Option(names = "--date", paramLabel = "INSTANT", description = "When the bundle is made, ISO-8601 UTC "
            + "(e.g. 2026-11-20T09:00:00Z); recorded once and used as every report's date. Default: now.")
    String date;

    @Option(names = "--notes", paramLabel = "TEXT", description = "Notes for the report's cover (court, parties, instructions).")
    String notes;

    @Option(names = "--from", paramLabel = "FOLDER", description = "Build from FOLDER/exhibit.yaml and the files it names.")
    Path from;

    @Mixin
    CommonOptions common;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (from != null) {
            if (caseName != null || date != null || notes != null) {
                throw new UsageException("--from takes the case, date and notes from FOLDER/exhibit.yaml; drop --case, --date, --notes");
            }
            BundleBuilder.createFrom(dir, from, common.limits());
        } else {
            if (caseName == null) {
                throw new UsageException("a new bundle needs --case NAME (or --from FOLDER)");
            }
            BundleBuilder.create(dir, caseName, instant(), notes);
        }
        spec.commandLine().getOut().println("created bundle " + dir + "; add exhibits with: exhibit bundle add "
                + dir + " FILE --role ROLE (roles: " + String.join(", ", Roles.all().keySet()) + ")");
        return ExitCodes.OK;
    }

    private Instant instant() {
        if (date == null) {
            return Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
        try {
            return Instant.parse(date);
        } catch (DateTimeParseException e) {
            throw new UsageException("--date '" + date + "' is not an ISO-8601 UTC instant like 2026-11-20T09:00:00Z");
        }
    }
}
