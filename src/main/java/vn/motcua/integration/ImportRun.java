package vn.motcua.integration;

import java.time.LocalDateTime;
import java.util.List;

/** One import of dossiers from the replaced system, with a line per row: IMPORTED, UPDATED, SKIPPED (already there) or REJECTED. */
public record ImportRun(long id, String filename, String format, LocalDateTime startedAt, String runBy, int totalRows, int imported, int skipped,
                        int rejected, List<Row> rows) {

    public record Row(int rowNumber, String legacyCode, String outcome, String message, Long dossierId) {
    }
}
