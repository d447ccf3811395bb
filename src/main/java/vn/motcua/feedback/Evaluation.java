package vn.motcua.feedback;

import vn.motcua.calendar.ReportingPeriod;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;

/**
 * The evaluation of an agency's handling of TTHC for a quarter or a year: nine criteria of 2 points, each with the
 * points computed from the system's data (frozen when the agency self-assesses), the agency's own points and the
 * supervising body's verified points; the number of evaluation slips (dossiers returned in the period).
 */
public record Evaluation(Long id, long agencyId, String agencyName, ReportingPeriod period, int slips, EvaluationStatus status,
                         List<Criterion> criteria, LocalDateTime computedAt, String assessedBy, LocalDateTime assessedAt, String verifiedBy,
                         LocalDateTime verifiedAt, long rowVersion) {

    public static final BigDecimal STANDARD = BigDecimal.valueOf(2);

    /**
     * @param computed the average points of the slips with data for this criterion (null without data)
     * @param counted  how many slips had data for it
     */
    public record Criterion(int number, String name, String nameEn, BigDecimal computed, int counted, BigDecimal self, BigDecimal verified,
                            String note) {

        /** % satisfied = points / standard points. */
        public BigDecimal percent() {
            return vn.motcua.feedback.domain.EvaluationCriteria.satisfiedPercent(verified != null ? verified : self != null ? self : computed);
        }
    }

    public BigDecimal computedTotal() {
        return total(Criterion::computed);
    }

    public BigDecimal selfTotal() {
        return status == EvaluationStatus.COMPUTED ? null : total(Criterion::self);
    }

    public BigDecimal verifiedTotal() {
        return status == EvaluationStatus.VERIFIED ? total(Criterion::verified) : null;
    }

    /** The figure that counts: verified, else self-assessed, else computed. */
    public BigDecimal finalTotal() {
        return verifiedTotal() != null ? verifiedTotal() : selfTotal() != null ? selfTotal() : computedTotal();
    }

    public BigDecimal standardTotal() {
        return STANDARD.multiply(BigDecimal.valueOf(criteria.size()));
    }

    private BigDecimal total(Function<Criterion, BigDecimal> f) {
        return criteria.stream().map(f).map(v -> v == null ? BigDecimal.ZERO : v).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
    }
}
