package vn.motcua.quality;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period of the index: a month ({@code 2026-11}), a quarter ({@code 2026-Q3}), a year ({@code 2026}) or any range of
 * days ({@code 2026-01-15..2026-03-14}). Both ends are included.
 */
public record Period(String key, Kind kind, LocalDate from, LocalDate to) {

    public enum Kind { MONTH, QUARTER, YEAR, RANGE }

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");

    public static Period month(YearMonth m) {
        return new Period(m.toString(), Kind.MONTH, m.atDay(1), m.atEndOfMonth());
    }

    public static Period quarter(int year, int q) {
        YearMonth first = YearMonth.of(year, 3 * q - 2);
        return new Period(year + "-Q" + q, Kind.QUARTER, first.atDay(1), first.plusMonths(2).atEndOfMonth());
    }

    public static Period year(int year) {
        return new Period(String.valueOf(year), Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public static Period range(LocalDate from, LocalDate to) {
        return new Period(from + ".." + to, Kind.RANGE, from, to);
    }

    /** Reads a period key; empty when it is not one (or a range runs backwards or over 5 years). */
    public static Optional<Period> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.trim();
        try {
            if (k.matches("\\d{4}-\\d{2}")) {
                return Optional.of(month(YearMonth.parse(k)));
            }
            Matcher q = QUARTER.matcher(k);
            if (q.matches()) {
                return Optional.of(quarter(Integer.parseInt(q.group(1)), Integer.parseInt(q.group(2))));
            }
            if (k.matches("\\d{4}")) {
                int y = Integer.parseInt(k);
                return y < 1900 ? Optional.empty() : Optional.of(year(y));
            }
            Matcher r = RANGE.matcher(k);
            if (r.matches()) {
                LocalDate from = LocalDate.parse(r.group(1));
                LocalDate to = LocalDate.parse(r.group(2));
                return from.isAfter(to) || from.plusYears(5).isBefore(to) ? Optional.empty() : Optional.of(range(from, to));
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The period of the same kind and length just before this one. */
    public Period previous() {
        return switch (kind) {
            case MONTH -> month(YearMonth.from(from).minusMonths(1));
            case QUARTER -> quarter(from.minusMonths(3).getYear(), (from.minusMonths(3).getMonthValue() - 1) / 3 + 1);
            case YEAR -> year(from.getYear() - 1);
            case RANGE -> {
                long days = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
                yield range(from.minusDays(days), from.minusDays(1));
            }
        };
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** "Tháng 11/2026", "Quý III/2026", "Năm 2026", "15/12/2025 – 14/03/2026". */
    public String label() {
        java.time.format.DateTimeFormatter d = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
        return switch (kind) {
            case MONTH -> "Tháng " + from.getMonthValue() + "/" + from.getYear();
            case QUARTER -> "Quý " + new String[]{"I", "II", "III", "IV"}[(from.getMonthValue() - 1) / 3] + "/" + from.getYear();
            case YEAR -> "Năm " + from.getYear();
            case RANGE -> d.format(from) + " – " + d.format(to);
        };
    }
}
