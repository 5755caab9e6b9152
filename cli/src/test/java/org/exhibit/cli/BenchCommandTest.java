package org.exhibit.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchCommandTest {

    @Test
    void unknownBenchmarkIsAUsageError() {
        CliTestSupport.Run r = CliTestSupport.run("bench", "no-such-thing");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().startsWith("exhibit: no benchmark named 'no-such-thing'"), r.err());
    }

    @Test
    void listRuns() {
        assertEquals(ExitCodes.OK, CliTestSupport.run("bench", "--list").exitCode());
    }
}
