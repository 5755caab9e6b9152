package org.exhibit.cli;

import org.exhibit.bench.BenchMain;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchCommandTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenchMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void unknownBenchmarkIsAUsageError() {
        Run r = run("bench", "no-such-thing");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().startsWith("exhibit: no benchmark named 'no-such-thing'"), r.err());
    }

    @Test
    void listRuns() {
        Run r = run("bench", "--list");
        assertEquals(ExitCodes.OK, r.exitCode());
        for (String name : new String[]{"label", "sd", "sd-hash", "sd-noise", "similarity", "voice", "watermark"}) {
            assertTrue(r.out().contains(name + "  "), r.out());
        }
    }

    @Test
    void badOptionIsAUsageErrorNamingTheCommand() {
        Run r = run("bench", "--scale", "many");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("Try 'exhibit bench --help' for usage."), r.err());
    }

    @Test
    void demoWriterIsUnderBundleAndTheRestOfTheCliIsStillThere() {
        Run help = run("bundle", "demo", "--help");
        assertEquals(ExitCodes.OK, help.exitCode());
        assertTrue(help.out().contains("Usage: exhibit bundle demo"), help.out());
        assertEquals(ExitCodes.USAGE, run("bundle", "demo").exitCode()); // DIR is required
        assertEquals(ExitCodes.OK, run("bundle", "--help").exitCode());
    }
}
