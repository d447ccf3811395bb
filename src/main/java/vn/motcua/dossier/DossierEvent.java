package vn.motcua.dossier;

import java.time.LocalDateTime;

/** One line of the audit trail. */
public record DossierEvent(long id, LocalDateTime at, String actor, DossierAction action, DossierStatus fromStatus,
                           DossierStatus toStatus, Integer step, Long agencyId, String note) {
}
