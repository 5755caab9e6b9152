package org.exhibit.evidence;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One input file as the report identifies it: where it was, what its bytes hash to, and what part it plays.
 *
 * @param path      the path as the user gave it (normalised, forward slashes), never rewritten to absolute
 * @param sha256    lowercase hex SHA-256 of the whole file
 * @param size      bytes
 * @param mediaType detected by content (Tika), not by file name
 * @param role      the part it plays, e.g. original, accused, reference, suspect, input
 */
@JsonPropertyOrder({"path", "sha256", "size", "mediaType", "role"})
public record Exhibit(String path, String sha256, long size, String mediaType, String role) {

    /** How a figure names it: file name and short hash, the same wherever the file or its bundle sits. */
    public String figureLabel() {
        int slash = path.lastIndexOf('/');
        return path.substring(slash + 1) + " (sha256 " + sha256.substring(0, Math.min(12, sha256.length())) + ")";
    }

    public Exhibit withRole(String newRole) {
        return new Exhibit(path, sha256, size, mediaType, newRole);
    }
}
