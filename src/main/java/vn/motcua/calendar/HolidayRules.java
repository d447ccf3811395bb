package vn.motcua.calendar;

import vn.motcua.calendar.domain.LunarCalendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Public holidays by the Labour Code 2019, Art. 112: 1/1; Tết Nguyên đán (5 days: the eve and the
 * first four days of the lunar year); Giỗ Tổ Hùng Vương 10/3 lunar; 30/4; 1/5; Quốc khánh 2/9 and one
 * adjacent day. A holiday on a Saturday or Sunday gives a day off on the next working day. The exact
 * Tết and 2/9 arrangement is decided every year by the Government; those decisions are entered as
 * {@link Adjustment}s and take precedence over these rules.
 */
public final class HolidayRules {
    private HolidayRules() {
    }

    public static List<Holiday> holidays(int year) {
        Map<LocalDate, String> base = new LinkedHashMap<>();
        base.put(LocalDate.of(year, 1, 1), "Tết Dương lịch");
        LocalDate tet = LunarCalendar.tet(year);
        base.put(tet.minusDays(1), "Tết Nguyên đán (ngày cuối năm Âm lịch)");
        for (int i = 0; i < 4; i++) {
            base.put(tet.plusDays(i), "Tết Nguyên đán (mùng " + (i + 1) + ")");
        }
        base.put(LunarCalendar.hungKingsDay(year), "Giỗ Tổ Hùng Vương (10/3 Âm lịch)");
        base.put(LocalDate.of(year, 4, 30), "Ngày Chiến thắng (30/4)");
        base.put(LocalDate.of(year, 5, 1), "Ngày Quốc tế lao động (1/5)");
        LocalDate national = LocalDate.of(year, 9, 2);
        base.put(national, "Quốc khánh (2/9)");
        base.put(adjacentToNationalDay(national), "Quốc khánh (ngày liền kề)");

        List<Holiday> result = new ArrayList<>();
        base.forEach((day, name) -> result.add(new Holiday(day, name, false)));
        List<LocalDate> taken = new ArrayList<>(base.keySet());
        base.keySet().stream().sorted().filter(HolidayRules::weekend).forEach(day -> {
            LocalDate next = day.plusDays(1);
            while (weekend(next) || taken.contains(next)) {
                next = next.plusDays(1);
            }
            taken.add(next);
            result.add(new Holiday(next, "Nghỉ bù " + base.get(day), true));
        });
        result.sort(Comparator.comparing(Holiday::day));
        return result;
    }

    /** The day joined to 2/9, chosen to make the longest break (the Government decides it each year). */
    static LocalDate adjacentToNationalDay(LocalDate national) {
        return switch (national.getDayOfWeek()) {
            case TUESDAY, FRIDAY, SATURDAY -> national.minusDays(1);
            default -> national.plusDays(1);
        };
    }

    public static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
