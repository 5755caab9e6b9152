package org.exhibit.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The product jar (cli/target/exhibit-all.jar, checked in the integration-test phase, after shading) holds no
 * fixture, benchmark, corpus or trainer: those live in exhibit-fixtures and exhibit-bench, and ship in
 * bench/target/exhibit-bench.jar. A class listed here was put back into analyzers or cli, or a fixture became a
 * compile dependency of the product again.
 */
class ProductJarIT {

    /** Classes (outer name) that are generators, not analyzers, whatever their name. */
    private static final Set<String> BANNED_NAMES = Set.of("BackendTrainer", "SdFormats", "SdContainers", "Scenes",
            "Transforms", "Trials", "BundleDemoCommand", "DemoBundles");

    static boolean banned(String entry) {
        if (entry.startsWith("org/exhibit/fixtures/") || entry.equals("META-INF/services/org.exhibit.bench.Benchmark")) {
            return true;
        }
        if (!entry.startsWith("org/exhibit/") || !entry.endsWith(".class")) {
            return false;
        }
        String simple = entry.substring(entry.lastIndexOf('/') + 1, entry.length() - ".class".length());
        String outer = simple.contains("$") ? simple.substring(0, simple.indexOf('$')) : simple;
        return outer.contains("Benchmark") || outer.contains("Corpus") || outer.startsWith("Bench")
                || outer.endsWith("Bench") || outer.endsWith("Trainer") || BANNED_NAMES.contains(outer);
    }

    @Test
    void productJarHoldsNoFixtureBenchmarkCorpusOrTrainer() throws Exception {
        Path jar = Path.of(System.getProperty("exhibit.productJar",
                System.getProperty("basedir", ".") + "/target/exhibit-all.jar"));
        assertTrue(Files.isRegularFile(jar), jar + " is missing: this check runs after `package`");
        List<String> found = new ArrayList<>();
        int classes = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                classes += name.startsWith("org/exhibit/") && name.endsWith(".class") ? 1 : 0;
                if (banned(name)) {
                    found.add(name);
                }
            }
        }
        assertTrue(classes > 100, "only " + classes + " exhibit classes in " + jar + ": not the product jar?");
        assertTrue(found.isEmpty(), jar.getFileName() + " holds " + found.size() + " fixture/benchmark/corpus/"
                + "trainer entries; they belong in exhibit-fixtures or exhibit-bench: " + found);
    }

    @Test
    void thePatternsCatchWhatMovedOut() {
        for (String e : List.of("org/exhibit/fixtures/Pictures.class", "org/exhibit/bench/Benchmark.class",
                "org/exhibit/bench/BenchmarkResult$MethodResult.class", "org/exhibit/bench/BenchMain.class",
                "org/exhibit/sd/SdCorpus$Item.class", "org/exhibit/label/WatermarkBench.class",
                "org/exhibit/sd/hash/HistoryBench$State.class", "org/exhibit/voice/BackendTrainer.class",
                "org/exhibit/voice/SyntheticCorpus$Clip.class", "org/exhibit/cli/BenchCommand.class",
                "org/exhibit/cli/BundleDemoCommand.class", "META-INF/services/org.exhibit.bench.Benchmark")) {
            assertTrue(banned(e), e);
        }
        for (String e : List.of("org/exhibit/bench/ErrorRates.class", "org/exhibit/bench/ErrorRates$Rate.class",
                "org/exhibit/voice/Metrics.class", "org/exhibit/voice/VoiceScan.class",
                "org/jtransforms/fft/BenchmarkDoubleFFT.class", "org/exhibit/sd/error-rates.json")) {
            assertTrue(!banned(e), e);
        }
    }
}
