package vn.motcua.calendar;

import java.time.Duration;
import java.time.LocalTime;

/**
 * Office hours of a working day (morning and afternoon) and the cut-off: a dossier received at or
 * after {@code cutoff} is counted from the next working day (null = counted from the moment received).
 */
public record OfficeHours(LocalTime morningStart, LocalTime morningEnd, LocalTime afternoonStart, LocalTime afternoonEnd,
                          LocalTime cutoff) {

    public static final OfficeHours STANDARD = new OfficeHours(LocalTime.of(7, 30), LocalTime.of(11, 30),
            LocalTime.of(13, 0), LocalTime.of(17, 0), LocalTime.of(16, 0));

    public OfficeHours {
        if (!morningStart.isBefore(morningEnd) || morningEnd.isAfter(afternoonStart) || !afternoonStart.isBefore(afternoonEnd)) {
            throw new IllegalArgumentException("office hours must be morning start < morning end <= afternoon start < afternoon end");
        }
    }

    /** Minutes of work in one working day (480 for 07:30–11:30 and 13:00–17:00). */
    public long minutesPerDay() {
        return Duration.between(morningStart, morningEnd).toMinutes() + Duration.between(afternoonStart, afternoonEnd).toMinutes();
    }
}
