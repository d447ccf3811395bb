package vn.motcua.catalog.internal;

import java.time.LocalDate;

/** A row of tthc_procedure. */
public record ProcedureRow(long id, String code, LocalDate abolishedOn, Long replacedById, long rowVersion) {
}
