package vn.motcua.quality;

import java.math.BigDecimal;

/**
 * One indicator of the index as configured: its group, points, threshold (percent; null: points grow linearly with the
 * rate) and what a zero denominator gives.
 *
 * @param whenEmpty NA: shown "N/A" and left out of the attainable points; FULL: full points (e.g. no feedback received)
 */
public record Indicator(String code, int groupNo, int position, String name, String nameEn, BigDecimal maxPoints, BigDecimal threshold,
                        WhenEmpty whenEmpty, String note, long rowVersion) {

    public enum WhenEmpty { NA, FULL }

    /** Indicators with no points are shown for monitoring (2.2 average handling time, 5.1 feedback by category). */
    public boolean scored() {
        return maxPoints.signum() > 0;
    }
}
