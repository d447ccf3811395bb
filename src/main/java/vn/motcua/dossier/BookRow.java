package vn.motcua.dossier;

import java.time.LocalDateTime;

/**
 * A line of the dossier book (Sổ theo dõi hồ sơ): a received dossier with the dates the book records — handed to
 * the handling agency, result back at the one-stop unit, returned to the applicant.
 */
public record BookRow(Dossier dossier, String handlingAgency, LocalDateTime handedOverAt, LocalDateTime resultBackAt, String note) {
}
