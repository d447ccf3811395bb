package vn.motcua.control;

import vn.motcua.control.domain.ComplianceCost;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A compliance-cost assessment of one procedure version (Circular 02/2017 Art. 27): the items now and after the
 * simplification it simulates, the income per hour used, how often and by how many it is done a year, and the saving.
 * An assessment not yet saved has id 0.
 */
public record CostAssessment(long id, String procedureCode, String procedureName, Long versionId, Integer versionNo, long agencyId,
                             String agencyName, String title, int year, long monthlyIncome, String incomeSource, BigDecimal hourlyIncome,
                             BigDecimal timesPerYear, long subjectsPerYear, BigDecimal timeLimitDays, BigDecimal afterTimeLimitDays,
                             List<CostLine> now, List<CostLine> after, ComplianceCost.Saving saving, String note, String createdBy,
                             LocalDateTime createdAt) {
}
