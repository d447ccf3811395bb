package vn.motcua.catalog;

import java.math.BigDecimal;
import java.util.List;

/** The editable content of a draft version. */
public record ProcedureDraft(
        String code, String name, Long fieldId, ProcedureLevel level, Long agencyId, String implementingAgency,
        String steps, String methodDetails, boolean byCounter, boolean byOnline, boolean byPost, OnlineLevel onlineLevel,
        BigDecimal timeLimitDays, BigDecimal onlineTimeLimitDays, String timeLimitNote, String subjects,
        String resultType, String feesNote, String requirements, String legalBasis,
        List<Component> components, List<Fee> fees, List<ProcessStep> process) {
}
