package vn.motcua.dossier.domain;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.rules.LegalRuleSet;
import vn.motcua.shared.Problems;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where a new appointment may fall: after now and after the due time (and after any earlier appointment), in office
 * hours of a working day, and no later than the rule set's maximum extension after the due time (when the rule set
 * names none, the procedure's own time limit, at least one working day).
 */
public final class ExtensionPolicy {
    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private ExtensionPolicy() {
    }

    public static LocalDateTime latest(LocalDateTime dueAt, WorkingCalendar cal, LegalRuleSet rules, BigDecimal procedureDays) {
        BigDecimal days = rules.extensionMaxDays() != null ? rules.extensionMaxDays() : procedureDays.max(BigDecimal.ONE);
        long minutes = days.multiply(BigDecimal.valueOf(cal.hours().minutesPerDay())).setScale(0, RoundingMode.CEILING).longValueExact();
        return cal.plusWorkingMinutes(dueAt, minutes);
    }

    public static void check(LocalDateTime now, LocalDateTime dueAt, LocalDateTime earlierAppointment, LocalDateTime proposed,
                             WorkingCalendar cal, LegalRuleSet rules, BigDecimal procedureDays, Problems p) {
        if (proposed == null) {
            p.add("newAppointment", "Chưa nhập ngày, giờ hẹn trả kết quả mới.");
            return;
        }
        LocalDateTime notBefore = earlierAppointment != null && earlierAppointment.isAfter(dueAt) ? earlierAppointment : dueAt;
        p.require(proposed.isAfter(now), "newAppointment", "Ngày hẹn mới phải sau thời điểm hiện tại.");
        p.require(proposed.isAfter(notBefore), "newAppointment", "Ngày hẹn mới phải sau hạn trả kết quả " + VN.format(notBefore) + ".");
        p.require(cal.isOfficeTime(proposed), "newAppointment", "Ngày hẹn mới phải trong giờ hành chính của một ngày làm việc ("
                + cal.hours().describe() + "), không vào ngày nghỉ" + cal.whyNotWorking(proposed.toLocalDate()).map(w -> " (" + w + ")").orElse("") + ".");
        LocalDateTime latest = latest(dueAt, cal, rules, procedureDays);
        p.require(!proposed.isAfter(latest), "newAppointment", "Ngày hẹn mới quá xa: gia hạn tối đa đến " + VN.format(latest) + ".");
    }
}
