package vn.motcua.quality;

import java.math.BigDecimal;

/**
 * An indicator's result for a unit and period.
 *
 * @param numerator   what counts for the unit (dossiers on time, procedures online …)
 * @param denominator what it is measured against; 0 gives N/A or full points as the indicator says
 * @param rate        percent with 2 decimals, null when the denominator is 0
 * @param points      points earned, null for N/A
 * @param lost        points lost (0 for N/A)
 * @param drillDown   what the lost points are made of: DOSSIERS, PROCEDURES, FEEDBACK or NONE
 */
public record IndicatorScore(Indicator indicator, long numerator, long denominator, BigDecimal rate, BigDecimal points, BigDecimal lost,
                             DrillDown drillDown) {

    public enum DrillDown { DOSSIERS, PROCEDURES, FEEDBACK, NONE }

    public boolean notApplicable() {
        return points == null;
    }

    /** How many dossiers or procedures cost points (denominator − numerator), 0 when none. */
    public long missing() {
        return Math.max(0, denominator - numerator);
    }
}
