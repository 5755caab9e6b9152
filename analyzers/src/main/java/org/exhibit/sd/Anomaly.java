package org.exhibit.sd;

/**
 * Something wrong with the carrier found while reading (bad CRC, truncated chunk, text that is not the JSON it
 * claims to be, a cyclic graph, a decompression bomb). Reading goes on where it can; each becomes a finding.
 *
 * @param rule      stable id, e.g. "sd.png-crc"
 * @param statement one plain sentence
 * @param carrier   where: "PNG tEXt prompt", "JPEG APP1"...
 * @param offset    file offset of the affected structure, or -1
 * @param length    its byte length, or 0
 */
public record Anomaly(String rule, String statement, String carrier, long offset, long length) {
}
