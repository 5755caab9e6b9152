package org.exhibit.sd.hash;

import org.exhibit.io.InputException;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The weight files under a folder, as the webui lays them out (models/Stable-diffusion, Lora, VAE, embeddings...). */
public final class WeightFiles {

    public static final Set<String> EXTENSIONS = Set.of(".safetensors", ".ckpt", ".pt", ".pth", ".bin");
    private static final int MAX_DEPTH = 8;

    private WeightFiles() {
    }

    /** Every weight file under {@code dir}, sorted by path; links are followed (model folders often are links). */
    public static List<Path> under(Path dir) throws InputException {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir, Files.exists(dir) ? "is not a folder" : "no such folder");
        }
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (attrs.isRegularFile() && EXTENSIONS.stream().anyMatch(name::endsWith)) {
                        out.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // a link loop or an unreadable entry: not a weight file we can use
                }
            });
        } catch (IOException e) {
            throw new InputException(dir, "cannot list: " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(p -> p.toString().replace('\\', '/')));
        return out;
    }
}
