package vn.motcua.organization;

import java.time.LocalDate;

/** One period during which a unit had a given parent. */
public record AgencyHistoryEntry(long parentId, String parentName, LocalDate validFrom, LocalDate validUntil) {
}
