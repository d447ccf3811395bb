package vn.motcua.catalog.internal;

import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.catalog.PublicationAction;
import vn.motcua.catalog.VersionStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A row of procedure_version joined with its procedure code. */
public record VersionRow(long id, long procedureId, String code, int versionNo, VersionStatus status, String name,
                         long fieldId, ProcedureLevel level, long agencyId, String implementingAgency, String steps,
                         String methodDetails, boolean byCounter, boolean byOnline, boolean byPost, OnlineLevel onlineLevel,
                         BigDecimal timeLimitDays, BigDecimal onlineTimeLimitDays, String timeLimitNote, String subjects,
                         String resultType, String feesNote, String requirements, String legalBasis,
                         Long replacesProcedureId, LocalDate validFrom, LocalDate validUntil, Long decisionId,
                         PublicationAction action, String createdBy, Instant updatedAt, long rowVersion) {
}
