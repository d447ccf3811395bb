package vn.motcua.dossier;

import java.time.LocalDateTime;

/**
 * A dossier as another system reports it: a ministry's sectoral system that handles it (land, business registration,
 * police …), or the system this one replaces (source {@link DossierOrigin#LEGACY}) for an import. The same source and
 * external code again update the same dossier.
 *
 * @param source            the system's code (LEGACY for an import)
 * @param externalCode      the dossier's code in that system
 * @param receivingUnitCode the local code of the unit that received it (a one-stop unit, or the handling agency)
 * @param handlingUnitCode  the local code of the competent agency (empty: the receiving unit's)
 * @param at                when the reported state was reached
 */
public record ExternalDossier(String source, String externalCode, String procedureCode, String receivingUnitCode, String handlingUnitCode,
                              Applicant applicant, Channel channel, LocalDateTime submittedAt, LocalDateTime receivedAt, LocalDateTime dueAt,
                              DossierStatus status, LocalDateTime processedAt, LocalDateTime finishedAt, Boolean late, String resultText,
                              LocalDateTime at, String note) {
}
