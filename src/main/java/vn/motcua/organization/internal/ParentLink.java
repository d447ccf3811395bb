package vn.motcua.organization.internal;

import java.time.LocalDate;

/** A row of table agency_parent: {@code agencyId} sat under {@code parentId} during the period. */
public record ParentLink(long id, long agencyId, long parentId, LocalDate validFrom, LocalDate validUntil) {

    public boolean activeOn(LocalDate date) {
        return !validFrom.isAfter(date) && (validUntil == null || validUntil.isAfter(date));
    }
}
