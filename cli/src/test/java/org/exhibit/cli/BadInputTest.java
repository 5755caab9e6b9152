package org.exhibit.cli;

import org.exhibit.fixtures.Pictures;
import org.exhibit.fixtures.PngBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each bad input: exit code 3, one line on stderr naming the file and the problem, no stack trace. */
class BadInputTest {

    @TempDir
    Path dir;

    private void assertOneLineError(Path file, String problem) {
        CliTestSupport.Run r = CliTestSupport.run("inspect", file.toString());
        assertEquals(ExitCodes.INPUT, r.exitCode(), r.err());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), "more than one line: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "stack trace: " + err);
        assertTrue(err.startsWith("exhibit: " + file + ": "), err);
        assertTrue(err.contains(problem), err);
    }

    @Test
    void truncatedPng() throws Exception {
        byte[] png = PngBuilder.rgb(Pictures.scene(64, 64, 4)).text("parameters", "x").build();
        Path f = dir.resolve("truncated.png");
        Files.write(f, Arrays.copyOf(png, 20));
        assertOneLineError(f, "unreadable image");
    }

    @Test
    void zeroByteFile() throws Exception {
        Path f = Files.createFile(dir.resolve("empty.png"));
        assertOneLineError(f, "is empty (0 bytes)");
    }

    @Test
    void directoryGivenAsFile() {
        assertOneLineError(dir, "is a directory");
    }

    @Test
    void nonExistentPath() {
        assertOneLineError(dir.resolve("nope.png"), "no such file");
    }

    @Test
    void gigapixelHeaderIsRefusedWithoutDecoding() throws Exception {
        Path f = dir.resolve("bomb.png");
        Files.write(f, PngBuilder.headerOnly(50_000, 50_000));
        assertOneLineError(f, "50000x50000 pixels, over the limit");
    }

    @Test
    void usageErrorIsExitCode2() {
        CliTestSupport.Run r = CliTestSupport.run("inspect", "--no-such-option", "x");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("Unknown option"), r.err());
    }

    @Test
    void debugShowsTheStackTrace() throws Exception {
        Path f = Files.createFile(dir.resolve("empty2.png"));
        CliTestSupport.Run r = CliTestSupport.run("inspect", "--debug", f.toString());
        assertEquals(ExitCodes.INPUT, r.exitCode());
        assertTrue(r.err().contains("InputException"), r.err());
    }
}
