package vn.motcua.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.calendar.Adjustment;
import vn.motcua.calendar.Holiday;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.WorkingCalendarService;
import vn.motcua.rules.LegalRuleSet;
import vn.motcua.rules.RuleSetService;
import vn.motcua.shared.ValidationException;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "Calendar", description = "Lịch ngày làm việc")
public class CalendarApiController {
    private final WorkingCalendarService calendars;
    private final RuleSetService ruleSets;

    public CalendarApiController(WorkingCalendarService calendars, RuleSetService ruleSets) {
        this.calendars = calendars;
        this.ruleSets = ruleSets;
    }

    public record Year(int year, List<Holiday> holidays, List<Adjustment> decisions) {
    }

    @GetMapping("/{year}")
    @Operation(summary = "Ngày nghỉ lễ theo Bộ luật Lao động và các quyết định đã nhập của năm")
    public Year year(@PathVariable int year) {
        if (year < 1950 || year > 2150) {
            throw ValidationException.of("year", "Năm phải từ 1950 đến 2150.");
        }
        return new Year(year, calendars.calendar().holidaysOf(year), calendars.adjustments(year));
    }

    public record Due(LocalDateTime receivedAt, BigDecimal days, LocalTime cutoff, String ruleSet, LocalDateTime countingFrom, LocalDateTime due) {
    }

    @GetMapping("/due")
    @Operation(summary = "Hạn giải quyết cho một hồ sơ nhận lúc 'received' với thời hạn 'days' ngày làm việc (0 = trong ngày), "
            + "theo giờ chốt của bộ quy tắc có hiệu lực ngày nhận")
    public Due due(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime received, @RequestParam BigDecimal days) {
        if (days.signum() < 0 || days.compareTo(BigDecimal.valueOf(365)) > 0) {
            throw ValidationException.of("days", "Thời hạn phải từ 0 (trong ngày) đến 365 ngày làm việc.");
        }
        if (received.getYear() < 1950 || received.getYear() > 2150) {
            throw ValidationException.of("received", "Năm phải từ 1950 đến 2150.");
        }
        WorkingCalendar c = calendars.calendar();
        LegalRuleSet rules = ruleSets.inForceOn(received.toLocalDate());
        return new Due(received, days, rules.cutoff(), rules.code(), c.countingStart(received, rules.cutoff()), c.due(received, days, rules.cutoff()));
    }
}
