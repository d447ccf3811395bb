package vn.motcua.quality;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Biểu 06/VPCP/KSTT (Circular 01/2020/TT-VPCP): "Tình hình, kết quả giải quyết TTHC tại cơ quan, đơn vị trực tiếp giải
 * quyết TTHC" of a unit (0: the province) for a reporting period — rows by field, grouped by level, in numbers of
 * dossiers. A draft is computed from the dossiers each time it is read; once sent its rows are frozen.
 *
 * @param id     null for a figure not saved as a report
 * @param status DRAFT or SENT
 */
public record Report06(Long id, long unitId, String unitName, String periodKey, String periodLabel, LocalDate from, LocalDate to, String status,
                       List<Row> rows, Row total, String createdBy, LocalDateTime sentAt, String sentBy, String sentTo, long rowVersion) {

    public static final String FORM = "BIEU_06";

    public boolean sent() {
        return "SENT".equals(status);
    }

    /**
     * A line: a level (LEVEL, its subtotal), a field under it (FIELD) or the total (TOTAL).
     *
     * @param received     received in the period: total, of which online, at the counter or by post
     * @param carried      received before the period and not ended when it began
     * @param handled      ended in the period: before the due date, on the due date, late
     * @param open         not ended when the period ended: within time, overdue
     */
    public record Row(String kind, String label, long received, long online, long counterOrPost, long carried, long handled, long beforeDue,
                      long onTime, long late, long open, long within, long overdue) {

        public long total() {
            return received + carried;
        }

        public Row plus(Row o, String kind, String label) {
            return new Row(kind, label, received + o.received, online + o.online, counterOrPost + o.counterOrPost, carried + o.carried,
                    handled + o.handled, beforeDue + o.beforeDue, onTime + o.onTime, late + o.late, open + o.open, within + o.within,
                    overdue + o.overdue);
        }

        public static Row zero(String kind, String label) {
            return new Row(kind, label, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
    }
}
