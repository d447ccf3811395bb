package vn.motcua.dossier;

import java.time.LocalDateTime;

/** An apology and extension letter (form 04), signed by the head of the agency that is late. */
public record Apology(long id, int seq, LocalDateTime issuedAt, String issuedBy, String signerName, long agencyId, String explanation,
                      LocalDateTime dueAt, LocalDateTime newAppointmentAt) {
}
