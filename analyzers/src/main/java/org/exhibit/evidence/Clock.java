package org.exhibit.evidence;

import java.time.Instant;

/**
 * The report timestamp. JSON reports must be byte-identical for the same inputs and options, so a report carries
 * a time only when one is given: SOURCE_DATE_EPOCH (the reproducible-builds convention) or a date recorded once
 * in a bundle. Without either, {@link #reportTime} returns null and the JSON has no createdAt.
 */
public final class Clock {

    private Clock() {
    }

    /** When a rendering for people was made, for HTML/PDF covers of reports that carry no createdAt. */
    public static String now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
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
        return null;
    }
}
