package vn.motcua.dossier;

/**
 * Dossiers of one handling agency: received in the period; finished in the period on time and late;
 * still open now, and of those how many are overdue. A dossier returned after its legal due time counts
 * as late even when an apology gave a new appointment.
 */
public record AgencyDossierStatistic(long agencyId, String agencyName, long received, long finishedOnTime, long finishedLate,
                                     long open, long openOverdue) {
    /** Share of finished dossiers returned on time, in percent (100 when none finished). */
    public double onTimePercent() {
        long finished = finishedOnTime + finishedLate;
        return finished == 0 ? 100.0 : Math.round(1000.0 * finishedOnTime / finished) / 10.0;
    }
}
