package org.exhibit.evidence;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The procedure behind a finding, named so another expert can repeat it.
 *
 * @param name      e.g. "PDQ perceptual hash"
 * @param version   our implementation's version of it; bump it whenever results could change
 * @param reference where the method is defined (standard, paper, reference implementation)
 */
@JsonPropertyOrder({"name", "version", "reference"})
public record Method(String name, String version, String reference) {
}
