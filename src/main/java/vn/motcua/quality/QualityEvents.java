package vn.motcua.quality;

import java.time.LocalDateTime;

/** What happened in the quality module, as past-tense events delivered through the event publication registry. */
public final class QualityEvents {
    private QualityEvents() {
    }

    /** A periodic report was frozen and is to be e-mailed to its recipients (a failed delivery is sent again). */
    public record ReportSent(long reportId, LocalDateTime at, String recipients) {
    }

    /** The Monday digest of a unit's week is due to its head and recipients. */
    public record DigestDue(long unitId, java.time.LocalDate weekStart, String recipients) {
    }

    /** The month's results of a unit (0: the province) are due to its report recipients (seed 003: published every month). */
    public record MonthlyDue(long unitId, String month, String recipients) {
    }
}
