package vn.motcua.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One version of a procedure with every component a published procedure must have. */
public record ProcedureVersion(
        long id, long procedureId, String code, int versionNo, VersionStatus status,
        String name, ProcedureField field, ProcedureLevel level, long agencyId, String agencyName,
        String implementingAgency, String steps, String methodDetails,
        boolean byCounter, boolean byOnline, boolean byPost, OnlineLevel onlineLevel,
        BigDecimal timeLimitDays, BigDecimal onlineTimeLimitDays, String timeLimitNote,
        String subjects, String resultType, String feesNote, String requirements, String legalBasis,
        String replacesCode, LocalDate validFrom, LocalDate validUntil,
        Long decisionId, String decisionNumber, PublicationAction action,
        List<Component> components, List<Fee> fees, List<ProcessStep> process,
        String createdBy, Instant updatedAt, long rowVersion, LocalDate abolishedOn, String replacedByCode) {

    public boolean inForceOn(LocalDate date) {
        return status == VersionStatus.PUBLISHED && validFrom != null && !validFrom.isAfter(date)
                && (validUntil == null || validUntil.isAfter(date));
    }

    public List<ProcessStep> process(ProcessVariant variant) {
        return process.stream().filter(s -> s.variant() == variant).toList();
    }

    public BigDecimal processHours(ProcessVariant variant) {
        return process(variant).stream().map(ProcessStep::durationHours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Methods of submission as the posting sheet shows them. */
    public String methods() {
        StringBuilder sb = new StringBuilder();
        if (byCounter) {
            sb.append("Trực tiếp");
        }
        if (byOnline) {
            sb.append(sb.isEmpty() ? "" : "; ").append("Trực tuyến");
        }
        if (byPost) {
            sb.append(sb.isEmpty() ? "" : "; ").append("Dịch vụ bưu chính công ích");
        }
        return sb.toString();
    }
}
