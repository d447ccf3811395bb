package vn.motcua.quality;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A periodic report of a unit (0: the province) for a reporting period in one of the {@link ReportForm forms}: rows
 * (grouped by level, or by kind of agency) and a total, each a line of numbers in the form's columns. A draft is
 * computed from the data each time it is read; once sent ("chốt số liệu") its rows are frozen.
 *
 * @param id     null for a figure not saved as a report
 * @param number the form's number as printed (the province's setting)
 * @param status DRAFT, SENT, or LIVE for a figure computed now
 */
public record PeriodicReport(Long id, ReportForm form, String number, long unitId, String unitName, String periodKey, String periodLabel,
                             LocalDate from, LocalDate to, String status, List<Row> rows, Row total, String createdBy, LocalDateTime sentAt,
                             String sentBy, String sentTo, long rowVersion) {

    public boolean sent() {
        return "SENT".equals(status);
    }

    /** The total's figure in a column of the form. */
    public long total(String column) {
        return total.values().get(form.index(column));
    }

    /** The row's figure in a column of the form. */
    public long value(Row row, String column) {
        return row.values().get(form.index(column));
    }

    /** The total line as text, one column a line ("Kết quả giải quyết — Quá hạn: 3"). */
    public String totalLines() {
        StringBuilder sb = new StringBuilder();
        for (ReportForm.Group g : form.groups()) {
            for (ReportForm.Column c : g.columns()) {
                sb.append("- ").append(g.spansBoth() ? "" : g.label() + " — ").append(c.label()).append(": ").append(total(c.key())).append('\n');
            }
        }
        return sb.toString();
    }

    /** A line: a level or group's subtotal (LEVEL), a line under it (FIELD) or the total (TOTAL). */
    public record Row(String kind, String label, List<Long> values) {

        public Row plus(Row o, String kind, String label) {
            List<Long> sum = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                sum.add(values.get(i) + o.values.get(i));
            }
            return new Row(kind, label, List.copyOf(sum));
        }

        public Row as(String kind, String label) {
            return new Row(kind, label, values);
        }

        public static Row zero(String kind, String label, int columns) {
            return new Row(kind, label, java.util.Collections.nCopies(columns, 0L));
        }

        public static Row of(String kind, String label, long... values) {
            return new Row(kind, label, java.util.Arrays.stream(values).boxed().toList());
        }
    }
}
