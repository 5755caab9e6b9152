package org.exhibit.voice;

/**
 * Words for a likelihood ratio, after the ENFSI Guideline for Evaluative Reporting in Forensic Science (2015):
 * LR 2-10 weak, 10-100 moderate, 100-1,000 moderately strong, 1,000-10,000 strong, 10,000-1,000,000 very
 * strong, above that extremely strong support; the same bands below 1 support the other proposition.
 */
public final class VerbalScale {

    private VerbalScale() {
    }

    /** e.g. "moderate support for the same speaker". */
    public static String describe(double log10Lr) {
        double a = Math.abs(log10Lr);
        if (a < Math.log10(2)) {
            return "no meaningful support for either proposition";
        }
        String strength;
        if (a < 1) {
            strength = "weak support";
        } else if (a < 2) {
            strength = "moderate support";
        } else if (a < 3) {
            strength = "moderately strong support";
        } else if (a < 4) {
            strength = "strong support";
        } else if (a < 6) {
            strength = "very strong support";
        } else {
            strength = "extremely strong support";
        }
        return strength + (log10Lr > 0 ? " for the same speaker" : " for different speakers");
    }
}
