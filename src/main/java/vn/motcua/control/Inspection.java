package vn.motcua.control;

import vn.motcua.control.domain.InspectionKind;
import vn.motcua.control.domain.InspectionStatus;

import java.time.LocalDate;
import java.util.List;

/** An inspection of a unit's TTHC and one-stop work, with its findings and their remediation. */
public record Inspection(long id, int year, InspectionKind kind, long agencyId, String agencyName, LocalDate plannedOn, String team, String scope,
                         LocalDate heldOn, String conclusion, InspectionStatus status, List<Finding> findings, String createdBy, long rowVersion) {

    /** What the inspection found, what must be done, by whom and by when, and when it was closed. */
    public record Finding(long id, String finding, String remediation, String responsible, LocalDate dueOn, LocalDate closedOn,
                          String closingNote, long rowVersion) {
        public boolean open() {
            return closedOn == null;
        }

        public boolean overdue(LocalDate today) {
            return closedOn == null && today.isAfter(dueOn);
        }
    }

    public long openFindings() {
        return findings.stream().filter(Finding::open).count();
    }
}
