package org.exhibit.bundle;

import org.exhibit.fixtures.DemoFiles;
import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.exhibit.io.Limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small bundles for tests: two generated PNGs (one with an A1111 infotext) and a manifest. */
final class TestBundles {

    static final String DATE = "2026-11-20T09:00:00Z";

    private TestBundles() {
    }

    /** A prepared folder (exhibit.yaml + files) with the given extra manifest text (analyses, checks). */
    static Path prepared(Path dir, String extraYaml) throws IOException {
        Files.createDirectories(dir.resolve("steps"));
        Files.write(dir.resolve("original.png"), PngBuilder.rgb(Pictures.scene(64, 96, 7))
                .text("parameters", DemoFiles.LI_V_LIU_INFOTEXT).build());
        Files.write(dir.resolve("accused.png"), PngBuilder.rgb(Pictures.scene(64, 96, 8)).build());
        Files.write(dir.resolve("steps/00001-1.png"), PngBuilder.rgb(Pictures.scene(32, 32, 1)).build());
        Files.write(dir.resolve("steps/00002-2.png"), PngBuilder.rgb(Pictures.scene(32, 32, 2)).build());
        Files.writeString(dir.resolve(CaseManifest.FILE_NAME), """
                # a test case
                exhibit-manifest: 1
                case: Li v. Liu (李某诉刘某)
                date: %s
                notes: Test bundle.
                exhibits:
                  - file: original.png
                    role: original
                    provenance: plaintiff's upload
                  - file: accused.png
                    role: accused
                  - file: steps/
                    role: generation-folder
                """.formatted(DATE) + extraYaml, StandardCharsets.UTF_8);
        return dir;
    }

    /** A sealed bundle at {@code tmp/bundle} built from {@link #prepared}. */
    static Path sealed(Path tmp, String extraYaml) throws Exception {
        Path bundle = tmp.resolve("bundle");
        BundleBuilder.createFrom(bundle, prepared(tmp.resolve("prepared"), extraYaml), Limits.DEFAULT);
        return bundle;
    }
}
