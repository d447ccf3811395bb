package vn.motcua.payment.web;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.motcua.payment.RevenueRow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

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
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Thu phí, lệ phí");
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle title = wb.createCellStyle();
            title.setFont(bold);
            title.setAlignment(HorizontalAlignment.CENTER);
            CellStyle head = wb.createCellStyle();
            head.setFont(bold);
            head.setWrapText(true);
            head.setAlignment(HorizontalAlignment.CENTER);
            border(head);
            CellStyle text = wb.createCellStyle();
            text.setWrapText(true);
            border(text);
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
            border(money);
            CellStyle totalMoney = wb.createCellStyle();
            totalMoney.cloneStyleFrom(money);
            totalMoney.setFont(bold);
            CellStyle totalText = wb.createCellStyle();
            totalText.cloneStyleFrom(text);
            totalText.setFont(bold);

            cell(sheet.createRow(0), 0, "BÁO CÁO THU PHÍ, LỆ PHÍ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEAD.length - 1));
            cell(sheet.createRow(1), 0, "Từ ngày " + VN.format(from) + " đến ngày " + VN.format(to) + " — Phạm vi: " + scope, title);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, HEAD.length - 1));
            Row h = sheet.createRow(3);
            for (int i = 0; i < HEAD.length; i++) {
                cell(h, i, HEAD[i], head);
            }
            int r = 4;
            int n = 1;
            for (RevenueRow x : rows) {
                Row row = sheet.createRow(r++);
                number(row, 0, n++, text);
                line(row, x, text, money);
            }
            Row total = sheet.createRow(r);
            cell(total, 0, "", totalText);
            line(total, totals(rows), totalText, totalMoney);
            int[] widths = {6, 34, 12, 50, 10, 16, 18, 12, 16, 16, 16};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            sheet.createFreezePane(0, 4);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static void border(CellStyle s) {
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
    }

    private static void cell(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    private static void number(Row row, int col, double value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }
}
