package vn.motcua.dossier.domain;

import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierEvents;
import vn.motcua.dossier.DossierStatus;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What one transition of a dossier did: the line it adds to the history and the events it publishes.
 *
 * @param agencyId     the agency acting or receiving the dossier
 * @param fromAgencyId the agency handing it over, for hand-overs
 * @param stepDueAt    the due time of the step this action completed (for the control sheet)
 */
public record Change(DossierAction action, DossierStatus from, DossierStatus to, Integer step, Long agencyId, Long fromAgencyId,
                     LocalDateTime stepDueAt, String note, List<DossierEvents.Event> events) {
}
