package org.exhibit.cli;

import org.exhibit.io.Inputs;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a batch command: named, under folders (-r), listed in a file (--files-from, for CI), or "-" for
 * standard input. Folders are walked in path order without following links; what cannot be listed is an item
 * with its problem, so it is reported with the rest rather than stopping the batch.
 */
public class BatchInputs {

    /** One input: the file to read, the name the report shows, or why it cannot be read. */
    record Item(Path path, String shown, String problem) {
    }

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Files to examine (never modified); '-' reads "
            + "standard input; folders with -r.")
    List<Path> files = new ArrayList<>();

    @Option(names = {"-r", "--recursive"}, description = "Read every file under each folder given, in path order "
            + "(hidden files skipped, links not followed).")
    boolean recursive;

    @Option(names = "--files-from", paramLabel = "LIST", description = "Also read the files named in LIST, one path "
            + "per line ('-': standard input); blank lines and lines starting with # are skipped.")
    Path filesFrom;

    boolean isEmpty() {
        return files.isEmpty() && filesFrom == null;
    }

    List<Item> items(long maxBytes) throws IOException {
        List<Path> named = new ArrayList<>(files);
        if (filesFrom != null) {
            List<String> lines = filesFrom.toString().equals("-")
                    ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()
                    : Files.readAllLines(filesFrom, StandardCharsets.UTF_8);
            for (String line : lines) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    named.add(Path.of(l));
                }
            }
        }
        List<Item> out = new ArrayList<>();
        for (Path p : named) {
            if (p.toString().equals("-")) {
                out.add(stdin(maxBytes));
            } else if (Files.isDirectory(p)) {
                if (!recursive) {
                    out.add(new Item(p, Inputs.displayPath(p), "is a directory; give -r to read the files under it"));
                } else {
                    out.addAll(under(p));
                }
            } else {
                out.add(new Item(p, Inputs.displayPath(p), null));
            }
        }
        return out;
    }

    private static List<Item> under(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !hidden(dir, p))
                    .sorted()
                    .map(p -> new Item(p, Inputs.displayPath(p), null))
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of(new Item(dir, Inputs.displayPath(dir), "cannot list the folder: " + e.getMessage()));
        }
    }

    private static boolean hidden(Path dir, Path p) {
        for (Path part : dir.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Standard input, copied once into a private temporary file so it can be hashed and read like any file. */
    private static Item stdin(long maxBytes) throws IOException {
        Path tmp = Files.createTempFile("exhibit-stdin", ".bin");
        tmp.toFile().deleteOnExit();
        try (InputStream in = System.in) {
            long n = 0;
            byte[] buf = new byte[1 << 16];
            try (var out = Files.newOutputStream(tmp)) {
                for (int r; (r = in.read(buf)) > 0; ) {
                    n += r;
                    if (n > maxBytes) {
                        return new Item(tmp, "-", "standard input is over the limit of " + maxBytes + " bytes");
                    }
                    out.write(buf, 0, r);
                }
            }
        }
        return new Item(tmp, "-", null);
    }
}
