package vn.motcua.dossier;

import java.time.LocalDateTime;

/**
 * One line of a dossier's audit trail (never changed or deleted): what was done, by whom, from which state to
 * which, at which step and agency; {@code stepDueAt} is the due time of the step the action completed.
 */
public record DossierHistoryEntry(long id, LocalDateTime at, String actor, DossierAction action, DossierStatus fromStatus,
                                  DossierStatus toStatus, Integer step, Long agencyId, Long fromAgencyId, LocalDateTime stepDueAt,
                                  String note) {
}
