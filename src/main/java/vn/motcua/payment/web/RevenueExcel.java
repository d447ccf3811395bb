package vn.motcua.payment.web;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import vn.motcua.payment.RevenueRow;
import vn.motcua.shared.web.ReportWorkbook;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static vn.motcua.shared.web.ReportWorkbook.cell;
import static vn.motcua.shared.web.ReportWorkbook.number;

/**
 * The revenue report as an Excel workbook (Apache POI) in the layout an accountant files: title, period and scope,
 * one row per agency and procedure (count, total, online, cash, refunded), a total row; amounts as numbers.
 */
final class RevenueExcel {
    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[] HEAD = {"STT", "Đơn vị thu", "Mã thủ tục", "Tên thủ tục", "Số khoản", "Tổng thu (đồng)",
            "Thu trực tuyến (đồng)", "Số khoản trực tuyến", "Thu tiền mặt (đồng)", "Đã hoàn trả (đồng)",
            "Thực thu (đồng)"};

    /** Totals of the rows, as a row with no agency. */
    static RevenueRow totals(List<RevenueRow> rows) {
        return new RevenueRow(0, "Tổng cộng", "", "", rows.stream().mapToInt(RevenueRow::payments).sum(),
                rows.stream().mapToLong(RevenueRow::total).sum(), rows.stream().mapToLong(RevenueRow::online).sum(),
                rows.stream().mapToLong(RevenueRow::cash).sum(), rows.stream().mapToLong(RevenueRow::refunded).sum(),
                rows.stream().mapToInt(RevenueRow::onlineCount).sum());
    }

    private RevenueExcel() {
    }

    static byte[] write(List<RevenueRow> rows, LocalDate from, LocalDate to, String scope) {
        ReportWorkbook wb = new ReportWorkbook("Thu phí, lệ phí", HEAD.length, "#,##0");
        wb.titleLine(0, "BÁO CÁO THU PHÍ, LỆ PHÍ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH");
        wb.titleLine(1, "Từ ngày " + VN.format(from) + " đến ngày " + VN.format(to) + " — Phạm vi: " + scope);
        wb.header(3, HEAD);
        int r = 4;
        int n = 1;
        for (RevenueRow x : rows) {
            Row row = wb.sheet().createRow(r++);
            number(row, 0, n++, wb.text);
            line(row, x, wb.text, wb.number);
        }
        Row total = wb.sheet().createRow(r);
        cell(total, 0, "", wb.totalText);
        line(total, totals(rows), wb.totalText, wb.totalNumber);
        wb.widths(6, 34, 12, 50, 10, 16, 18, 12, 16, 16, 16);
        return wb.bytes(sheet -> sheet.createFreezePane(0, 4));
    }

    /** Columns 1–10 of a row: agency, procedure code and name, then the figures (the totals row is a row named "Tổng cộng"). */
    private static void line(Row row, RevenueRow x, CellStyle text, CellStyle money) {
        cell(row, 1, x.agencyName(), text);
        cell(row, 2, x.procedureCode(), text);
        cell(row, 3, x.procedureName(), text);
        long[] figures = {x.payments(), x.total(), x.online(), x.onlineCount(), x.cash(), x.refunded(), x.net()};
        for (int i = 0; i < figures.length; i++) {
            number(row, 4 + i, figures[i], money);
        }
    }
}
