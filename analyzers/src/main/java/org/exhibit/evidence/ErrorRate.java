package org.exhibit.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Error rates measured for a method at its threshold, and on what. A null rate means not measured;
 * the report says so rather than inventing one.
 *
 * @param falsePositiveRate fraction of negatives the method called positive at the threshold
 * @param falseNegativeRate fraction of positives it missed
 * @param trials            how many cases the rates rest on
 * @param source            the benchmark that measured them (command and data set)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"falsePositiveRate", "falseNegativeRate", "trials", "source"})
public record ErrorRate(Double falsePositiveRate, Double falseNegativeRate, Integer trials, String source) {

    public static ErrorRate notMeasured(String why) {
        return new ErrorRate(null, null, null, why);
    }
}
