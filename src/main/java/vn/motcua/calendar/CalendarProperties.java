package vn.motcua.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.LocalTime;

/** Office hours, and how long before the due time officers are warned. */
@ConfigurationProperties("motcua.calendar")
public record CalendarProperties(LocalTime morningStart, LocalTime morningEnd, LocalTime afternoonStart, LocalTime afternoonEnd,
                                 Integer warnWorkingHoursBefore) {
    public CalendarProperties {
        morningStart = morningStart == null ? OfficeHours.STANDARD.morningStart() : morningStart;
        morningEnd = morningEnd == null ? OfficeHours.STANDARD.morningEnd() : morningEnd;
        afternoonStart = afternoonStart == null ? OfficeHours.STANDARD.afternoonStart() : afternoonStart;
        afternoonEnd = afternoonEnd == null ? OfficeHours.STANDARD.afternoonEnd() : afternoonEnd;
        warnWorkingHoursBefore = warnWorkingHoursBefore == null ? 8 : warnWorkingHoursBefore;
    }

    public OfficeHours officeHours() {
        return new OfficeHours(morningStart, morningEnd, afternoonStart, afternoonEnd);
    }
}
