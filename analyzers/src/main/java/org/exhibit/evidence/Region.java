package org.exhibit.evidence;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A pixel rectangle, origin top-left, in the exhibit's own pixel grid. */
@JsonPropertyOrder({"x", "y", "width", "height"})
public record Region(int x, int y, int width, int height) {

    public long area() {
        return (long) width * height;
    }
}
