package org.exhibit.models;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One pinned weight file: what it is, where the build obtains it, and the hash it must have.
 *
 * @param name     registry key, e.g. "silero-vad"
 * @param version  the model's own version
 * @param licence  SPDX id of the weights' licence as the source package states it
 * @param source   the registry package that ships the file
 * @param sha256   expected SHA-256 of the file; the fetch and every load check it
 * @param size     expected size in bytes
 * @param input    preprocessing and tensor spec, in words, for whoever wraps it
 */
@JsonPropertyOrder({"name", "version", "licence", "source", "sha256", "size", "input"})
public record ModelSpec(String name, String version, String licence, Source source, String sha256, long size,
                        String input) {

    /**
     * Where the file comes from: a Maven Central jar or an npm tarball, and the path of the file inside it.
     *
     * @param type        "maven" or "npm"
     * @param coordinates "group:artifact:version" for maven, "package@version" for npm
     * @param path        path of the file inside the jar or tarball
     */
    @JsonPropertyOrder({"type", "coordinates", "path"})
    public record Source(String type, String coordinates, String path) {

        public String describe() {
            return type + " " + coordinates + " " + path;
        }
    }

    /** File name the weight is stored under. */
    public String fileName() {
        return source.path().substring(source.path().lastIndexOf('/') + 1);
    }
}
