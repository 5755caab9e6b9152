package org.exhibit.report;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers as people read them in a report: at most 6 significant digits, no exponent for ordinary sizes. */
public final class Numbers {

    private Numbers() {
    }

    public static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
        return Math.abs(v) >= 1e-4 && Math.abs(v) < 1e15 ? d.toPlainString() : d.toString();
    }

    public static String percent(double fraction) {
        return format(fraction * 100) + " %";
    }
}
