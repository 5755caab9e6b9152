package org.exhibit.bundle;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One thing wrong with a bag, naming the file.
 *
 * @param kind   what is wrong
 * @param path   the file, relative to the bag root, forward slashes (e.g. "data/accused.png")
 * @param detail one plain sentence (expected and found hashes, the manifest that lists it...)
 */
@JsonPropertyOrder({"kind", "path", "detail"})
public record BagProblem(Kind kind, String path, String detail) {

    public enum Kind {
        /** Listed in a manifest, but its bytes hash differently now. */
        CHANGED,
        /** Listed in a manifest, but not in the bag. */
        MISSING,
        /** In the bag, but listed in no manifest. */
        EXTRA,
        /** A symbolic link, a special file, or a manifest entry that points outside the bag. */
        UNSAFE;

        @com.fasterxml.jackson.annotation.JsonValue
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        return kind.label() + ": " + path + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
