package vn.motcua.calendar;

import java.time.LocalDate;

/** A day an official decision makes a day off or a working day, whatever the rules say. */
public record Adjustment(LocalDate day, DayKind kind, String reason) {
}
