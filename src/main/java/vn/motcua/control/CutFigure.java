package vn.motcua.control;

import java.math.BigDecimal;

/**
 * A unit's simplification figures for a year: its procedures in force and how many were simplified (proposals
 * approved or implemented), the yearly compliance cost of the simplified procedures before and after and the cut
 * (the seeds ask for at least 20 %); the same for its internal procedures, whose cut is measured on time limits.
 * The province's row has agency id 0.
 */
public record CutFigure(long agencyId, String agencyName, int procedures, int simplified, int proposals, long yearlyBefore, long yearlyAfter,
                        BigDecimal costCutPercent, int internalProcedures, int internalSimplified, BigDecimal internalTimeCutPercent,
                        boolean reachesTarget) {
}
