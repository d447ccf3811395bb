package vn.motcua.control;

import vn.motcua.control.domain.Simplification;
import vn.motcua.control.domain.SubjectKind;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A simplification proposal (phương án đơn giản hóa) of a procedure or an internal procedure: what it changes and why,
 * where it stands, the cost assessment it rests on (cost per compliance and yearly cost, before and after, and the percent cut), the
 * time limit before and after, and the publication decision that implemented it.
 */
public record Proposal(long id, SubjectKind kind, String procedureCode, String procedureName, long agencyId, String agencyName, int year,
                       String content, String reason, Simplification state, Long assessmentId, Long costBefore, Long costAfter,
                       Long yearlyBefore, Long yearlyAfter, BigDecimal percent, BigDecimal timeBefore, BigDecimal timeAfter, String createdBy, String updatedBy,
                       LocalDateTime updatedAt, long rowVersion) {

    public Long yearlySaving() {
        return yearlyBefore == null || yearlyAfter == null ? null : yearlyBefore - yearlyAfter;
    }
}
