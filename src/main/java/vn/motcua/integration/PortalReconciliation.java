package vn.motcua.integration;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A comparison of the dossiers received here in a period with those the national portal holds (index 1.4): counts,
 * the codes the portal lacks (queued again) and the codes it has that are unknown here.
 */
public record PortalReconciliation(long id, LocalDate from, LocalDate to, int localCount, int remoteCount, String missingRemote,
                                   String unknownRemote, int resent, LocalDateTime runAt, String runBy) {
    /** The share of local dossiers the portal holds, in percent (100 when there is none). */
    public java.math.BigDecimal syncedPercent() {
        if (localCount == 0) {
            return java.math.BigDecimal.valueOf(100);
        }
        int missing = missingRemote == null || missingRemote.isBlank() ? 0 : missingRemote.split(",").length;
        return java.math.BigDecimal.valueOf(localCount - missing).multiply(java.math.BigDecimal.valueOf(100))
                .divide(java.math.BigDecimal.valueOf(localCount), 2, java.math.RoundingMode.HALF_UP);
    }
}
