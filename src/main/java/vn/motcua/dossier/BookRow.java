package vn.motcua.dossier;

import java.time.LocalDateTime;

/**
 * A line of the dossier book (Sổ theo dõi hồ sơ): a received dossier with the dates the book records — handed to
 * the handling agency, result back at the one-stop unit, returned to the applicant — or, without a dossier, numbers
 * of the book no dossier holds ({@code number} to {@code lastNumber}: taken by an intake that did not complete), kept
 * in their place rather than renumbering.
 */
public record BookRow(Integer number, Integer lastNumber, Dossier dossier, String handlingAgency, LocalDateTime handedOverAt,
                      LocalDateTime resultBackAt, String note) {

    public static BookRow of(Dossier d, String handlingAgency, LocalDateTime handedOverAt, LocalDateTime resultBackAt, String note) {
        return new BookRow(d.bookNumber(), d.bookNumber(), d, handlingAgency, handedOverAt, resultBackAt, note);
    }

    /** Numbers {@code from} to {@code to} of a unit's book that no dossier holds. */
    public static BookRow unused(int from, int to) {
        return new BookRow(from, to, null, null, null, null, null);
    }

    public boolean unused() {
        return dossier == null;
    }

    /** The number as the book prints it: "12", "12–14" for unused numbers in a row, "—" for a dossier without one. */
    public String numbers() {
        if (number == null) {
            return "—";
        }
        return lastNumber == null || lastNumber.equals(number) ? number.toString() : number + "–" + lastNumber;
    }
}
