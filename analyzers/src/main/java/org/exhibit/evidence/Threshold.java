package org.exhibit.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The decision rule a finding applied: measurement, comparison, value, and the error rate measured at it.
 *
 * @param measurement name of the measurement compared
 * @param comparison  one of "<", "<=", ">", ">=", "=="
 * @param value       the threshold
 * @param errorRate   what that threshold costs, as measured
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"measurement", "comparison", "value", "errorRate"})
public record Threshold(String measurement, String comparison, double value, ErrorRate errorRate) {

    public boolean passes(double measured) {
        return switch (comparison) {
            case "<" -> measured < value;
            case "<=" -> measured <= value;
            case ">" -> measured > value;
            case ">=" -> measured >= value;
            case "==" -> measured == value;
            default -> throw new IllegalStateException("unknown comparison " + comparison);
        };
    }
}
