package org.exhibit.evidence;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One input of a batch that could not be analysed, and why, in the user's terms. The report lists it beside
 * the findings of every other input; the CLI names it once on standard error and exits 3.
 *
 * @param file    the path as the user gave it
 * @param problem what is wrong with it, e.g. "is empty (0 bytes)"
 * @param cause   the error behind it, for --debug only; never in the report
 */
@JsonPropertyOrder({"file", "problem"})
public record InputProblem(String file, String problem, @JsonIgnore Throwable cause) {

    public InputProblem(String file, String problem) {
        this(file, problem, null);
    }
}
