package vn.motcua.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingCalendarTest {
    private static final LocalTime CUTOFF = LocalTime.of(15, 0);
    private final WorkingCalendar calendar = new WorkingCalendar(OfficeHours.STANDARD, List.of());

    static LocalDateTime at(String s) {
        return LocalDateTime.parse(s);
    }

    @Test
    void holidaysOf2025FollowTheLabourCode() {
        List<LocalDate> days = HolidayRules.holidays(2025).stream().map(Holiday::day).toList();
        assertThat(days).contains(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 28), LocalDate.of(2025, 1, 29),
                LocalDate.of(2025, 2, 1), LocalDate.of(2025, 4, 7), LocalDate.of(2025, 4, 30), LocalDate.of(2025, 5, 1),
                LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 2));
        // mùng 4 Tết (1/2/2025) was a Saturday: the next working day after the holidays is given off
        assertThat(HolidayRules.holidays(2025)).anyMatch(h -> h.compensation() && h.day().equals(LocalDate.of(2025, 2, 3)));
    }

    @Test
    void nationalDayTakesTheAdjacentDayThatMakesTheLongestBreak() {
        assertThat(HolidayRules.adjacentToNationalDay(LocalDate.of(2025, 9, 2))).isEqualTo(LocalDate.of(2025, 9, 1)); // Tuesday
        assertThat(HolidayRules.adjacentToNationalDay(LocalDate.of(2024, 9, 2))).isEqualTo(LocalDate.of(2024, 9, 3)); // Monday
    }

    @Test
    void aHolidayOnASundayGivesTheMondayOff() {
        // Giỗ Tổ 2026 falls on Sunday 26/4
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 26))).isFalse();
        assertThat(calendar.whyNotWorking(LocalDate.of(2026, 4, 27))).get().asString().contains("Nghỉ bù").contains("Giỗ Tổ");
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 28))).isTrue();
    }

    @Test
    void tet2026IsAWeekAndTwoWeekendsOff() {
        for (LocalDate d = LocalDate.of(2026, 2, 14); !d.isAfter(LocalDate.of(2026, 2, 22)); d = d.plusDays(1)) {
            assertThat(calendar.isWorkingDay(d)).as(d.toString()).isFalse();
        }
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 13))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).isTrue();
    }

    @ParameterizedTest(name = "received {0} + {1} days -> {2}")
    @CsvSource({
            "2026-11-23T09:00, 3, 2026-11-26T09:00",   // Monday morning, 3 days: Thursday same time
            "2026-11-23T07:00, 1, 2026-11-23T17:00",   // before opening: the whole Monday
            "2026-11-23T12:10, 0.5, 2026-11-23T17:00", // lunch break: counted from 13:00
            "2026-11-23T08:00, 0.5, 2026-11-23T13:30", // half a day across lunch
            "2026-11-27T15:30, 1, 2026-11-30T17:00",   // Friday after the 15:00 cut-off: from Monday
            "2026-11-27T14:59, 1, 2026-11-30T14:59",   // Friday before the cut-off: from the moment received
            "2026-11-23T14:00, 0, 2026-11-23T17:00",   // same-day procedure before the cut-off: by the end of the day
            "2026-11-23T15:00, 0, 2026-11-24T17:00",   // same-day procedure at the cut-off: by the end of the next working day
            "2026-11-27T16:00, 0, 2026-11-30T17:00",   // ... which after a Friday is Monday
            "2026-11-23T12:00, 0, 2026-11-23T17:00",   // same-day, received during lunch: still that day
            "2026-11-28T10:00, 1, 2026-11-30T17:00",   // Saturday (online): from Monday
            "2026-02-12T10:00, 2, 2026-02-23T10:00",   // across Tết Bính Ngọ
            "2025-04-29T09:00, 1, 2025-05-02T09:00",   // across 30/4 and 1/5 (Wed, Thu); Friday 2/5 is a working day
            "2026-12-31T14:00, 1, 2027-01-04T14:00"    // across New Year (Friday 1/1/2027)
    })
    void deadlines(String received, BigDecimal days, String expected) {
        assertThat(calendar.due(at(received), days, CUTOFF)).isEqualTo(at(expected));
    }

    @Test
    void yearlyDecisionsOverrideTheRules() {
        // a decision gives Friday 2/5/2025 off, compensated by working Saturday 26/4/2025
        WorkingCalendar decided = new WorkingCalendar(OfficeHours.STANDARD, List.of(
                new Adjustment(LocalDate.of(2025, 5, 2), DayKind.DAY_OFF, "Hoán đổi ngày làm việc theo Thông báo của Bộ Nội vụ"),
                new Adjustment(LocalDate.of(2025, 4, 26), DayKind.WORKING_DAY, "Làm bù")));
        assertThat(decided.isWorkingDay(LocalDate.of(2025, 5, 2))).isFalse();
        assertThat(decided.isWorkingDay(LocalDate.of(2025, 4, 26))).isTrue();
        assertThat(decided.due(at("2025-04-29T09:00"), BigDecimal.ONE, CUTOFF)).isEqualTo(at("2025-05-05T09:00"));
        assertThat(decided.due(at("2025-04-25T09:00"), BigDecimal.ONE, CUTOFF)).isEqualTo(at("2025-04-26T09:00"));
    }

    @Test
    void cutOffComesFromTheRuleSetAndCanBeNone() {
        assertThat(calendar.due(at("2026-11-27T16:30"), BigDecimal.ONE, null)).isEqualTo(at("2026-11-30T16:30"));
        assertThat(calendar.due(at("2026-11-27T16:30"), BigDecimal.ONE, LocalTime.of(16, 45))).isEqualTo(at("2026-11-30T16:30"));
        assertThat(calendar.due(at("2026-11-27T16:30"), BigDecimal.ONE, LocalTime.of(16, 0))).isEqualTo(at("2026-11-30T17:00"));
    }

    @Test
    void aNewAppointmentMustBeInOfficeHours() {
        assertThat(calendar.isOfficeTime(at("2026-11-23T09:00"))).isTrue();
        assertThat(calendar.isOfficeTime(at("2026-11-23T17:00"))).isTrue();
        assertThat(calendar.isOfficeTime(at("2026-11-23T12:00"))).isFalse();
        assertThat(calendar.isOfficeTime(at("2026-11-23T22:00"))).isFalse();
        assertThat(calendar.isOfficeTime(at("2026-11-22T09:00"))).isFalse(); // Sunday
    }

    @Test
    void workingTimeBetweenTwoMoments() {
        assertThat(calendar.workingMinutesBetween(at("2026-11-27T16:00"), at("2026-11-30T08:30"))).isEqualTo(120);
        assertThat(calendar.workingMinutesBetween(at("2026-11-23T11:00"), at("2026-11-23T13:30"))).isEqualTo(60);
        assertThat(calendar.workingMinutesBetween(at("2026-11-23T13:30"), at("2026-11-23T11:00"))).isZero();
        assertThat(calendar.workingDaysBetween(at("2026-11-23T07:30"), at("2026-11-25T07:30"))).isEqualByComparingTo("2.00");
    }

    @Test
    void deadlinesAgreeWithMeasuredWorkingTimeOverManyYears() {
        Random random = new Random(20261122);
        for (int i = 0; i < 5000; i++) {
            LocalDateTime received = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(16 * 365)).atTime(random.nextInt(24), random.nextInt(60));
            BigDecimal days = BigDecimal.valueOf(1 + random.nextInt(60)).divide(BigDecimal.valueOf(2));
            LocalDateTime start = calendar.countingStart(received, CUTOFF);
            LocalDateTime due = calendar.due(received, days, CUTOFF);
            assertThat(calendar.isWorkingDay(due.toLocalDate())).isTrue();
            assertThat(calendar.workingMinutesBetween(start, due)).as(received + " + " + days)
                    .isEqualTo(days.multiply(BigDecimal.valueOf(480)).longValueExact());
        }
    }

    @Test
    void everyYearHasItsElevenHolidayDays() {
        for (int year = 2000; year <= 2060; year++) {
            long base = HolidayRules.holidays(year).stream().filter(h -> !h.compensation()).count();
            assertThat(base).as("year " + year).isEqualTo(11);
            assertThat(HolidayRules.holidays(year)).allSatisfy(h -> {
                if (h.compensation()) {
                    assertThat(HolidayRules.weekend(h.day())).isFalse();
                }
            });
        }
    }
}
