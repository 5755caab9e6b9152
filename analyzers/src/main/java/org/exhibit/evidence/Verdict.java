package org.exhibit.evidence;

import com.fasterxml.jackson.annotation.JsonValue;

/** How strongly a finding bears on the question it answers. Ordered from weakest to strongest claim. */
public enum Verdict {
    /** A fact read from the input; it supports no conclusion by itself. */
    INFO("info"),
    /** Could not tell: the measurement was too weak or the input lacked what was needed. */
    INCONCLUSIVE("inconclusive"),
    /** The measurement speaks against the proposition. */
    CONTRADICTS("contradicts"),
    /** The measurement supports the proposition. */
    INDICATES("indicates"),
    /** The measurement supports the proposition well past its threshold, at a measured low error rate. */
    STRONGLY_INDICATES("strongly-indicates");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
