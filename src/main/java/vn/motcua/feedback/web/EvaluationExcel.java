package vn.motcua.feedback.web;

import org.apache.poi.ss.usermodel.Row;
import vn.motcua.feedback.Evaluation;
import vn.motcua.shared.web.ReportWorkbook;

import java.math.BigDecimal;

import static vn.motcua.shared.web.ReportWorkbook.cell;
import static vn.motcua.shared.web.ReportWorkbook.number;

/**
 * The evaluation table in the layout agencies file it (Decree 61/2018 evaluation of TTHC handling): header with the
 * agency, the period and the number of evaluation slips; columns STT | criterion | standard points | self-assessed |
 * verified | % satisfied | note; the total and the rating.
 */
final class EvaluationExcel {
    private static final String[] HEAD = {"STT", "Tiêu chí đánh giá", "Điểm chuẩn", "Điểm hệ thống tính", "Điểm tự đánh giá", "Điểm thẩm định",
            "Tỷ lệ đạt (%)", "Ghi chú"};

    private EvaluationExcel() {
    }

    static byte[] write(Evaluation e, String band) {
        ReportWorkbook wb = new ReportWorkbook("Đánh giá giải quyết TTHC", HEAD.length, "0.00");
        wb.titleLine(0, "BẢNG ĐÁNH GIÁ VIỆC GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH");
        wb.titleLine(1, "Cơ quan, đơn vị: " + e.agencyName());
        wb.titleLine(2, "Kỳ đánh giá: " + e.period().label() + " (từ ngày " + vn(e.period().from()) + " đến ngày " + vn(e.period().to())
                + ") — Số phiếu đánh giá: " + e.slips());
        wb.header(4, HEAD);
        int r = 5;
        for (Evaluation.Criterion c : e.criteria()) {
            Row row = wb.sheet().createRow(r++);
            number(row, 0, c.number(), wb.text);
            cell(row, 1, c.name(), wb.text);
            number(row, 2, Evaluation.STANDARD, wb.number);
            number(row, 3, c.computed(), wb.number);
            number(row, 4, c.self(), wb.number);
            number(row, 5, c.verified(), wb.number);
            number(row, 6, c.percent(), wb.number);
            cell(row, 7, c.note() == null ? (c.counted() < e.slips() ? "Có dữ liệu ở " + c.counted() + "/" + e.slips() + " phiếu" : "") : c.note(),
                    wb.text);
        }
        Row total = wb.sheet().createRow(r++);
        cell(total, 0, "", wb.totalText);
        cell(total, 1, "Tổng điểm", wb.totalText);
        number(total, 2, e.standardTotal(), wb.totalNumber);
        number(total, 3, e.computedTotal(), wb.totalNumber);
        number(total, 4, e.selfTotal(), wb.totalNumber);
        number(total, 5, e.verifiedTotal(), wb.totalNumber);
        number(total, 6, e.finalTotal().multiply(BigDecimal.valueOf(100)).divide(e.standardTotal(), 2, java.math.RoundingMode.HALF_UP), wb.totalNumber);
        cell(total, 7, "Xếp loại: " + band, wb.totalText);
        r++;
        cell(wb.sheet().createRow(r++), 1, "Trạng thái: " + e.status().label(), wb.text);
        if (e.assessedBy() != null) {
            cell(wb.sheet().createRow(r++), 1, "Tự đánh giá: " + e.assessedBy() + ", " + e.assessedAt().toLocalDate(), wb.text);
        }
        if (e.verifiedBy() != null) {
            cell(wb.sheet().createRow(r), 1, "Thẩm định: " + e.verifiedBy() + ", " + e.verifiedAt().toLocalDate(), wb.text);
        }
        wb.widths(6, 70, 14, 14, 14, 14, 14, 30);
        return wb.bytes(sheet -> { });
    }

    private static String vn(java.time.LocalDate d) {
        return String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }
}
