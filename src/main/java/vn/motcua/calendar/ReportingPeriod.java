package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period with the data cut-off of Decree 09/2019 (Art. 12): a quarter runs from the 15th of the month before
 * it to the 14th of its last month (Q1 = 15 Dec of the year before to 14 Mar), a half-year from 15 Dec to 14 Jun or 15 Jun
 * to 14 Dec, a year from 15 Dec of the year before to 14 Dec. Keys: {@code 2026-Q3}, {@code 2026-H1}, {@code 2026}.
 */
public record ReportingPeriod(String key, Kind kind, int year, int number, LocalDate from, LocalDate to) {

    public enum Kind {
        QUARTER("Quý", "Quarter"), HALF_YEAR("6 tháng", "Half-year"), YEAR("Năm", "Year");

        private final String label;
        private final String labelEn;

        Kind(String label, String labelEn) {
            this.label = label;
            this.labelEn = labelEn;
        }

        public String label() {
            return label;
        }

        public String labelEn() {
            return labelEn;
        }
    }

    private static final Pattern KEY = Pattern.compile("(\\d{4})(?:-([QH])([1-4]))?");

    public static ReportingPeriod quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter 1-4");
        }
        LocalDate to = LocalDate.of(year, quarter * 3, 14);
        return new ReportingPeriod(year + "-Q" + quarter, Kind.QUARTER, year, quarter, to.minusMonths(3).plusDays(1), to);
    }

    public static ReportingPeriod half(int year, int half) {
        if (half < 1 || half > 2) {
            throw new IllegalArgumentException("half 1-2");
        }
        LocalDate to = LocalDate.of(year, half * 6, 14);
        return new ReportingPeriod(year + "-H" + half, Kind.HALF_YEAR, year, half, to.minusMonths(6).plusDays(1), to);
    }

    public static ReportingPeriod year(int year) {
        return new ReportingPeriod(Integer.toString(year), Kind.YEAR, year, 0, LocalDate.of(year - 1, 12, 15), LocalDate.of(year, 12, 14));
    }

    /** The period of a key such as {@code 2026-Q3}; empty when the key is not one. */
    public static java.util.Optional<ReportingPeriod> parse(String key) {
        Matcher m = key == null ? null : KEY.matcher(key.trim().toUpperCase(java.util.Locale.ROOT));
        if (m == null || !m.matches()) {
            return java.util.Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 2000 || year > 2100) {
            return java.util.Optional.empty();
        }
        if (m.group(2) == null) {
            return java.util.Optional.of(year(year));
        }
        int n = Integer.parseInt(m.group(3));
        if (m.group(2).equals("H") && n > 2) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(m.group(2).equals("Q") ? quarter(year, n) : half(year, n));
    }

    /** The quarter whose reporting period holds the day (15 Dec belongs to Q1 of the next year). */
    public static ReportingPeriod quarterOf(LocalDate day) {
        // the 15th and later count towards the next month
        LocalDate month = day.getDayOfMonth() >= 15 ? day.withDayOfMonth(1).plusMonths(1) : day.withDayOfMonth(1);
        int q = (month.getMonthValue() - 1) / 3 + 1;
        return quarter(month.getYear(), q);
    }

    /** The quarters and years that ended on or before the day, newest first, going back the number of years. */
    public static List<ReportingPeriod> recent(LocalDate today, int years) {
        List<ReportingPeriod> out = new ArrayList<>();
        ReportingPeriod q = quarterOf(today);
        for (int i = 0; i < years * 4 + 1; i++) {
            out.add(q);
            if (q.number() == 4) {
                out.add(year(q.year()));
            }
            q = q.number() == 1 ? quarter(q.year() - 1, 4) : quarter(q.year(), q.number() - 1);
        }
        return out;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    public String label() {
        return switch (kind) {
            case QUARTER -> "Quý " + roman(number) + "/" + year;
            case HALF_YEAR -> "6 tháng " + (number == 1 ? "đầu" : "cuối") + " năm " + year;
            case YEAR -> "Năm " + year;
        };
    }

    public String labelEn() {
        return switch (kind) {
            case QUARTER -> "Q" + number + " " + year;
            case HALF_YEAR -> "H" + number + " " + year;
            case YEAR -> "Year " + year;
        };
    }

    private static String roman(int n) {
        return switch (n) {
            case 1 -> "I";
            case 2 -> "II";
            case 3 -> "III";
            default -> "IV";
        };
    }
}
