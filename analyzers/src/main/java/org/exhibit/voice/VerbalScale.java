package org.exhibit.voice;

import org.exhibit.evidence.Verdict;

/**
 * Words for a likelihood ratio, after the ENFSI Guideline for Evaluative Reporting in Forensic Science (2015):
 * LR 2-10 weak, 10-100 moderate, 100-1,000 moderately strong, 1,000-10,000 strong, 10,000-1,000,000 very
 * strong, above that extremely strong support; the same bands below 1 support the other proposition.
 * <p>
 * The verdict badge is derived from the same band, so badge and words always agree: below LR 10 (and above
 * 1/10) the finding is {@link Verdict#INCONCLUSIVE} and its words say so; 10-100 is {@link Verdict#INDICATES};
 * 100 and above {@link Verdict#STRONGLY_INDICATES}; 1/10 and below {@link Verdict#CONTRADICTS}. Without a
 * case-relevant calibration the only words are {@link #UNCALIBRATED}.
 */
public final class VerbalScale {

    /** What a report says where no calibration for the case's population and conditions was given. */
    public static final String UNCALIBRATED = "inconclusive: no likelihood ratio is reported without a calibration "
            + "for the relevant population and recording conditions (exhibit voice calibrate)";

    private VerbalScale() {
    }

    /** One band of the scale: its words and the verdict badge that goes with them. */
    public record Level(String words, Verdict verdict) {
    }

    /** e.g. "moderate support for the same speaker (Hp)". */
    public static String describe(double log10Lr) {
        return level(log10Lr).words();
    }

    /** The badge for a calibrated log10 LR: the same band as {@link #describe}. */
    public static Verdict verdict(double log10Lr) {
        return level(log10Lr).verdict();
    }

    public static Level level(double log10Lr) {
        double a = Math.abs(log10Lr);
        String side = log10Lr > 0 ? " for the same speaker (Hp)" : " for a different speaker (Hd)";
        if (a < Math.log10(2)) {
            return new Level("inconclusive: no meaningful support for either proposition", Verdict.INCONCLUSIVE);
        }
        if (a < 1) {
            return new Level("inconclusive: at most weak support" + side, Verdict.INCONCLUSIVE);
        }
        String strength;
        if (a < 2) {
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
        Verdict v = log10Lr < 0 ? Verdict.CONTRADICTS : a >= 2 ? Verdict.STRONGLY_INDICATES : Verdict.INDICATES;
        return new Level(strength + side, v);
    }
}
