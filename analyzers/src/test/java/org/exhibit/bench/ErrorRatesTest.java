package org.exhibit.bench;

import org.exhibit.evidence.ErrorRate;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorRatesTest {

    @Test
    void unmeasuredMethodSaysSoInsteadOfInventingARate() {
        ErrorRate r = ErrorRates.of("no-such-benchmark", "pdq");
        assertNull(r.falsePositiveRate());
        assertNull(r.falseNegativeRate());
        assertTrue(r.source().contains("no benchmark output"), r.source());
    }
}
