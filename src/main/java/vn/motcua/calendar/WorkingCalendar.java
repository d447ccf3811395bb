package vn.motcua.calendar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Working time in plain Java: which days are working days, and how deadlines counted in working days
 * (whole or half) or hours run. A time limit of N days is N × (minutes of a working day) of office time,
 * counted from the moment a dossier is received (or from the next opening, when it was received outside
 * office hours or at/after the cut-off of the rule set in force). A time limit of 0 days means "within the
 * day": due at the end of office hours of the day counting starts. Pauses are measured with
 * {@link #workingMinutesBetween}.
 */
public final class WorkingCalendar {
    private static final int MAX_DAYS_SEARCHED = 3660;

    private final OfficeHours hours;
    private final Map<LocalDate, Adjustment> adjustments;
    private final Map<Integer, Map<LocalDate, Holiday>> holidaysByYear = new ConcurrentHashMap<>();

    public WorkingCalendar(OfficeHours hours, List<Adjustment> adjustments) {
        this.hours = hours;
        this.adjustments = adjustments.stream().collect(Collectors.toUnmodifiableMap(Adjustment::day, Function.identity(), (a, b) -> b));
    }

    public OfficeHours hours() {
        return hours;
    }

    private Map<LocalDate, Holiday> holidays(int year) {
        return holidaysByYear.computeIfAbsent(year, y -> HolidayRules.holidays(y).stream()
                .collect(Collectors.toMap(Holiday::day, Function.identity(), (a, b) -> a)));
    }

    public boolean isWorkingDay(LocalDate day) {
        return whyNotWorking(day).isEmpty();
    }

    /** Why the day is not a working day (weekend, holiday, decision), or empty when it is one. */
    public Optional<String> whyNotWorking(LocalDate day) {
        Adjustment adjustment = adjustments.get(day);
        if (adjustment != null) {
            return adjustment.kind() == DayKind.WORKING_DAY ? Optional.empty() : Optional.of(adjustment.reason());
        }
        Holiday holiday = holidays(day.getYear()).get(day);
        if (holiday != null) {
            return Optional.of(holiday.name());
        }
        return HolidayRules.weekend(day) ? Optional.of("Nghỉ cuối tuần") : Optional.empty();
    }

    /** Holidays of the year by the rules, and the days the entered decisions change. */
    public List<Holiday> holidaysOf(int year) {
        return holidays(year).values().stream().sorted(java.util.Comparator.comparing(Holiday::day)).toList();
    }

    public LocalDate nextWorkingDay(LocalDate day) {
        LocalDate d = day.plusDays(1);
        for (int i = 0; i < MAX_DAYS_SEARCHED; i++, d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                return d;
            }
        }
        throw new IllegalStateException("no working day within ten years after " + day);
    }

    public LocalDate previousWorkingDay(LocalDate day) {
        LocalDate d = day.minusDays(1);
        for (int i = 0; i < MAX_DAYS_SEARCHED; i++, d = d.minusDays(1)) {
            if (isWorkingDay(d)) {
                return d;
            }
        }
        throw new IllegalStateException("no working day within ten years before " + day);
    }

    /** The working day that lies the given number of working days before a date (a deadline counted back). */
    public LocalDate minusWorkingDays(LocalDate day, int days) {
        LocalDate d = day;
        for (int i = 0; i < days; i++) {
            d = previousWorkingDay(d);
        }
        return d;
    }

    /** Adds whole working days to a date (for appointments given as dates). */
    public LocalDate plusWorkingDays(LocalDate day, int days) {
        LocalDate d = day;
        for (int i = 0; i < days; i++) {
            d = nextWorkingDay(d);
        }
        return d;
    }

    /**
     * When the clock starts for a dossier received at the moment given: at once in office hours, else at the
     * next opening; at the start of the next working day when received at or after {@code cutoff} (null = no cut-off).
     */
    public LocalDateTime countingStart(LocalDateTime receivedAt, LocalTime cutoff) {
        if (cutoff != null && isWorkingDay(receivedAt.toLocalDate()) && !receivedAt.toLocalTime().isBefore(cutoff)) {
            return nextWorkingDay(receivedAt.toLocalDate()).atTime(hours.morningStart());
        }
        return normalise(receivedAt);
    }

    /**
     * The deadline for a time limit in working days (0.5 = half a day) counted from receipt; 0 days = within
     * the day (the end of office hours of the day counting starts, so the next working day after the cut-off).
     */
    public LocalDateTime due(LocalDateTime receivedAt, BigDecimal days, LocalTime cutoff) {
        LocalDateTime start = countingStart(receivedAt, cutoff);
        if (days.signum() == 0) {
            return start.toLocalDate().atTime(hours.afternoonEnd());
        }
        long minutes = days.multiply(BigDecimal.valueOf(hours.minutesPerDay())).setScale(0, RoundingMode.CEILING).longValueExact();
        return plusWorkingMinutes(start, minutes);
    }

    /** Whether the moment is inside office hours of a working day (a new appointment must be). */
    public boolean isOfficeTime(LocalDateTime t) {
        LocalTime time = t.toLocalTime();
        return isWorkingDay(t.toLocalDate()) && ((!time.isBefore(hours.morningStart()) && !time.isAfter(hours.morningEnd()))
                || (!time.isBefore(hours.afternoonStart()) && !time.isAfter(hours.afternoonEnd())));
    }

    /** Adds office minutes to a moment, skipping lunch, evenings, weekends and days off. */
    public LocalDateTime plusWorkingMinutes(LocalDateTime from, long minutes) {
        if (minutes < 0) {
            throw new IllegalArgumentException("minutes must not be negative");
        }
        LocalDateTime t = normalise(from);
        long left = minutes;
        while (true) {
            LocalDateTime periodEnd = t.toLocalDate().atTime(t.toLocalTime().isBefore(hours.morningEnd()) ? hours.morningEnd() : hours.afternoonEnd());
            long available = Duration.between(t, periodEnd).toMinutes();
            if (left <= available) {
                return t.plusMinutes(left);
            }
            left -= available;
            t = normalise(periodEnd);
        }
    }

    /** Office minutes between two moments (0 when {@code to} is not after {@code from}). */
    public long workingMinutesBetween(LocalDateTime from, LocalDateTime to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        long total = 0;
        LocalDate day = from.toLocalDate();
        for (int i = 0; !day.isAfter(to.toLocalDate()); i++, day = day.plusDays(1)) {
            if (i > MAX_DAYS_SEARCHED * 10) {
                throw new IllegalArgumentException("period too long");
            }
            if (!isWorkingDay(day)) {
                continue;
            }
            total += overlap(day.atTime(hours.morningStart()), day.atTime(hours.morningEnd()), from, to);
            total += overlap(day.atTime(hours.afternoonStart()), day.atTime(hours.afternoonEnd()), from, to);
        }
        return total;
    }

    /** Working days (with fractions) between two moments: what a report shows as time used. */
    public BigDecimal workingDaysBetween(LocalDateTime from, LocalDateTime to) {
        return BigDecimal.valueOf(workingMinutesBetween(from, to)).divide(BigDecimal.valueOf(hours.minutesPerDay()), 2, RoundingMode.HALF_UP);
    }

    private static long overlap(LocalDateTime start, LocalDateTime end, LocalDateTime from, LocalDateTime to) {
        LocalDateTime s = start.isAfter(from) ? start : from;
        LocalDateTime e = end.isBefore(to) ? end : to;
        return e.isAfter(s) ? Duration.between(s, e).toMinutes() : 0;
    }

    /** The same moment if it is inside office hours, else the next moment office hours begin. */
    private LocalDateTime normalise(LocalDateTime t) {
        LocalDate day = t.toLocalDate();
        LocalTime time = t.toLocalTime();
        if (!isWorkingDay(day) || !time.isBefore(hours.afternoonEnd())) {
            return nextWorkingDay(day).atTime(hours.morningStart());
        }
        if (time.isBefore(hours.morningStart())) {
            return day.atTime(hours.morningStart());
        }
        if (!time.isBefore(hours.morningEnd()) && time.isBefore(hours.afternoonStart())) {
            return day.atTime(hours.afternoonStart());
        }
        return t;
    }
}
