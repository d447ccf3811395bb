package vn.motcua.dossier;

/**
 * Dossiers of one handling agency: received in the period; returned in the period on time and late (a dossier
 * returned after its legal due time, or with a second supplement request, counts as late even after an apology);
 * stopped, refused or withdrawn in the period; still open now, and of those how many are overdue.
 */
public record AgencyDossierStatistic(long agencyId, String agencyName, long received, long finishedOnTime, long finishedLate, long ended,
                                     long open, long openOverdue) {
    /** Share of returned dossiers returned on time, in percent (100 when none was returned). */
    public double onTimePercent() {
        long finished = finishedOnTime + finishedLate;
        return finished == 0 ? 100.0 : Math.round(1000.0 * finishedOnTime / finished) / 10.0;
    }
}
