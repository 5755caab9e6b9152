package org.exhibit.evidence;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A model whose weights a report's findings rest on, identified by hash so it can be obtained again. */
@JsonPropertyOrder({"name", "version", "sha256", "source", "licence"})
public record ModelUse(String name, String version, String sha256, String source, String licence) {
}
