package org.exhibit.evidence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The report timestamp: SOURCE_DATE_EPOCH when set (reproducible builds convention), else now, to the second. */
public final class Clock {

    private Clock() {
    }

    public static String reportTime(String sourceDateEpoch) {
        if (sourceDateEpoch != null && !sourceDateEpoch.isBlank()) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(sourceDateEpoch.trim())).toString();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("SOURCE_DATE_EPOCH is not a whole number of seconds: "
                        + sourceDateEpoch);
            }
        }
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
