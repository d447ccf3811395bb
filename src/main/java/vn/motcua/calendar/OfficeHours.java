package vn.motcua.calendar;

import java.time.Duration;
import java.time.LocalTime;

/**
 * Office hours of a working day (morning and afternoon). The cut-off hour for dossiers received late in
 * the day is a legal rule and lives in the rule set in force (module {@code rules}).
 */
public record OfficeHours(LocalTime morningStart, LocalTime morningEnd, LocalTime afternoonStart, LocalTime afternoonEnd) {

    public static final OfficeHours STANDARD = new OfficeHours(LocalTime.of(7, 30), LocalTime.of(11, 30),
            LocalTime.of(13, 0), LocalTime.of(17, 0));

    public OfficeHours {
        if (!morningStart.isBefore(morningEnd) || morningEnd.isAfter(afternoonStart) || !afternoonStart.isBefore(afternoonEnd)) {
            throw new IllegalArgumentException("office hours must be morning start < morning end <= afternoon start < afternoon end");
        }
    }

    /** "sáng 07:30–11:30, chiều 13:00–17:00" as the posting sheet and the procedure page print it. */
    public String describe() {
        return "sáng " + morningStart + "–" + morningEnd + ", chiều " + afternoonStart + "–" + afternoonEnd;
    }

    public String describeEn() {
        return morningStart + "–" + morningEnd + " and " + afternoonStart + "–" + afternoonEnd;
    }

    /** Minutes of work in one working day (480 for 07:30–11:30 and 13:00–17:00). */
    public long minutesPerDay() {
        return Duration.between(morningStart, morningEnd).toMinutes() + Duration.between(afternoonStart, afternoonEnd).toMinutes();
    }
}
