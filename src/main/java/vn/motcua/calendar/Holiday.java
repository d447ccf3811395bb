package vn.motcua.calendar;

import java.time.LocalDate;

/** A public holiday; {@code compensation} marks a day off given because a holiday fell on a weekend. */
public record Holiday(LocalDate day, String name, boolean compensation) {
}
