package vn.motcua.catalog;

import java.time.LocalDate;

/** A line of the control officers' list: the newest version of each procedure. */
public record AdminProcedureRow(String code, String name, String agencyName, int latestVersionNo, VersionStatus latestStatus,
                                Integer publishedVersionNo, LocalDate validFrom, LocalDate abolishedOn, Long draftVersionId) {
}
