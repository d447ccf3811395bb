package vn.motcua.catalog;

import java.time.LocalDate;

/** A version in the history of a procedure. */
public record VersionHistoryEntry(long versionId, int versionNo, VersionStatus status, String name,
                                  PublicationAction action, String decisionNumber, LocalDate signedOn,
                                  LocalDate validFrom, LocalDate validUntil) {
}
