package org.exhibit.evidence;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Arrays;

/**
 * A picture a finding refers to (PNG bytes). JSON carries its name, caption and hash; HTML inlines the bytes;
 * writers that produce a folder put it beside the report under {@link #fileName()}.
 *
 * @param id      stable, file-name-safe id, unique within a report (e.g. "similarity-keypoints")
 * @param caption one sentence saying what the picture shows
 * @param png     the encoded PNG
 */
@JsonPropertyOrder({"id", "caption", "file", "sha256"})
public record Figure(String id, String caption, @JsonIgnore byte[] png) {

    public Figure {
        if (!id.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("figure id must be file-name-safe: " + id);
        }
        png = png.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }

    @JsonProperty("file")
    public String fileName() {
        return "figures/" + id + ".png";
    }

    @JsonProperty("sha256")
    public String sha256() {
        return Hashing.sha256Hex(png);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Figure f && f.id.equals(id) && f.caption.equals(caption) && Arrays.equals(f.png, png);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + Arrays.hashCode(png);
    }

    @Override
    public String toString() {
        return "Figure[" + id + ", " + png.length + " bytes]";
    }
}
