package vn.motcua.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.calendar.domain.LunarCalendar;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lunar dates checked against the published Vietnamese calendar. */
class LunarCalendarTest {

    // 1985 and 2030 are the years where Việt Nam (UTC+7) and China (UTC+8) celebrate on different days:
    // in 1985 a month apart (21/01 here, 20/02 there), in 2030 a day apart (new moon at 23:07 in Hà Nội).
    @ParameterizedTest(name = "Tết {0} = {1}")
    @CsvSource({
            "1985, 1985-01-21", "2000, 2000-02-05", "2007, 2007-02-17", "2010, 2010-02-14", "2015, 2015-02-19",
            "2019, 2019-02-05", "2020, 2020-01-25", "2021, 2021-02-12", "2022, 2022-02-01", "2023, 2023-01-22",
            "2024, 2024-02-10", "2025, 2025-01-29", "2026, 2026-02-17", "2027, 2027-02-06", "2028, 2028-01-26",
            "2029, 2029-02-13", "2030, 2030-02-02", "2031, 2031-01-23", "2033, 2033-01-31", "2035, 2035-02-08"})
    void tetNguyenDan(int year, LocalDate expected) {
        assertThat(LunarCalendar.tet(year)).isEqualTo(expected);
        assertThat(LunarCalendar.toLunar(expected)).isEqualTo(new LunarCalendar.LunarDate(1, 1, year, false));
    }

    @ParameterizedTest(name = "Giỗ Tổ {0} = {1}")
    @CsvSource({"2019, 2019-04-14", "2020, 2020-04-02", "2021, 2021-04-21", "2022, 2022-04-10", "2023, 2023-04-29",
            "2024, 2024-04-18", "2025, 2025-04-07", "2026, 2026-04-26", "2027, 2027-04-16"})
    void hungKingsCommemoration(int year, LocalDate expected) {
        assertThat(LunarCalendar.hungKingsDay(year)).isEqualTo(expected);
    }

    @Test
    void eveOfTetIsTheLastDayOfTheLunarYear() {
        assertThat(LunarCalendar.lunarNewYearsEve(2024)).isEqualTo(LocalDate.of(2024, 2, 9));
        assertThat(LunarCalendar.toLunar(LocalDate.of(2024, 2, 9))).isEqualTo(new LunarCalendar.LunarDate(30, 12, 2023, false));
        // 2025: tháng Chạp Giáp Thìn has 29 days
        assertThat(LunarCalendar.toLunar(LocalDate.of(2025, 1, 28))).isEqualTo(new LunarCalendar.LunarDate(29, 12, 2024, false));
    }

    @Test
    void leapMonths() {
        // 2023 had a leap 2nd month (tháng 2 nhuận), 2025 a leap 6th month
        assertThat(LunarCalendar.toLunar(LocalDate.of(2023, 3, 22))).isEqualTo(new LunarCalendar.LunarDate(1, 2, 2023, true));
        assertThat(LunarCalendar.toSolar(1, 6, 2025, true)).isEqualTo(LocalDate.of(2025, 7, 25));
        assertThatThrownBy(() -> LunarCalendar.toSolar(1, 3, 2024, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundTripsEveryDayOfFortyYears() {
        for (LocalDate d = LocalDate.of(1990, 1, 1); d.isBefore(LocalDate.of(2030, 1, 1)); d = d.plusDays(1)) {
            LunarCalendar.LunarDate l = LunarCalendar.toLunar(d);
            assertThat(l.day()).isBetween(1, 30);
            assertThat(LunarCalendar.toSolar(l.day(), l.month(), l.year(), l.leap())).as(d.toString()).isEqualTo(d);
        }
    }
}
