package org.exhibit.label;

import org.exhibit.io.container.Bytes;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The time of an RFC 3161 time-stamp token in a COSE header (C2PA {@code sigTst} / {@code sigTst2}:
 * {@code {tstTokens: [{val: TimeStampToken}]}}): the TSTInfo's genTime, read by walking the token's DER. The
 * token's own CMS signature is NOT verified here; the time is used only to say when the signer certificate's
 * validity is judged, and the report says so.
 */
final class TimeStamps {

    /** id-ct-TSTInfo 1.2.840.113549.1.9.16.1.4, DER-encoded OID. */
    private static final byte[] TST_INFO = {0x06, 0x0B, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01,
            0x09, 0x10, 0x01, 0x04};

    private TimeStamps() {
    }

    /** genTime of the first readable token under sigTst2 or sigTst, or null. */
    static Instant genTime(JsonNode unprotectedHeader) {
        if (unprotectedHeader == null) {
            return null;
        }
        for (String key : new String[]{"sigTst2", "sigTst"}) {
            for (JsonNode t : unprotectedHeader.path(key).path("tstTokens")) {
                try {
                    byte[] der = t.path("val").binaryValue();
                    Instant i = der == null ? null : genTime(der);
                    if (i != null) {
                        return i;
                    }
                } catch (IOException | RuntimeException e) {
                    // an unreadable token gives no time
                }
            }
        }
        return null;
    }

    /**
     * The first GeneralizedTime after the TSTInfo content type: TSTInfo is SEQUENCE {version, policy,
     * messageImprint, serialNumber, genTime, ...}, and no field before genTime is a GeneralizedTime.
     */
    static Instant genTime(byte[] token) {
        int at = Bytes.indexOf(token, TST_INFO, 0);
        if (at < 0) {
            return null;
        }
        for (int p = at + TST_INFO.length; p + 2 < token.length; p++) {
            int len = token[p + 1] & 0xFF;
            if (token[p] == 0x18 && len >= 15 && len <= 24 && p + 2 + len <= token.length) {
                Instant i = parse(new String(token, p + 2, len, StandardCharsets.US_ASCII));
                if (i != null) {
                    return i;
                }
            }
        }
        return null;
    }

    /** YYYYMMDDHHMMSS[.fff]Z (RFC 3161 §2.4.2: UTC, fractions optional). */
    static Instant parse(String g) {
        if (!g.matches("\\d{14}(\\.\\d{1,9})?Z")) {
            return null;
        }
        try {
            LocalDateTime t = LocalDateTime.parse(g.substring(0, 14), DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
            Instant i = t.toInstant(ZoneOffset.UTC);
            if (g.length() > 15) {
                String frac = g.substring(15, g.length() - 1);
                i = i.plusNanos(Long.parseLong((frac + "000000000").substring(0, 9)));
            }
            return i;
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }
}
