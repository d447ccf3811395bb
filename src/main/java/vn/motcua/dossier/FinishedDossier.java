package vn.motcua.dossier;

import java.time.LocalDateTime;

/**
 * A dossier whose result was returned, as the evaluations read it (one evaluation slip each): when it was received,
 * promised, processed and returned, how often the applicant was asked to supplement, how the result went back, and
 * how many units completed a step of its internal process after that step's due time.
 *
 * @param appointment the time promised (the new appointment after an apology, else the due time)
 * @param lateUnits   distinct units that completed a step after the step's due time
 */
public record FinishedDossier(long id, String code, long procedureVersionId, String procedureCode, String procedureName, Channel channel,
                              long receivingAgencyId, long handlingAgencyId, LocalDateTime receivedAt, LocalDateTime appointment,
                              LocalDateTime processedAt, LocalDateTime finishedAt, boolean late, boolean supplementLate, int supplementCount,
                              Delivery delivery, int lateUnits) {
}
