package vn.motcua.feedback.web;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.motcua.feedback.Evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

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
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Đánh giá giải quyết TTHC");
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
            CellStyle number = wb.createCellStyle();
            number.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            border(number);
            CellStyle totalNumber = wb.createCellStyle();
            totalNumber.cloneStyleFrom(number);
            totalNumber.setFont(bold);
            CellStyle totalText = wb.createCellStyle();
            totalText.cloneStyleFrom(text);
            totalText.setFont(bold);

            cell(sheet.createRow(0), 0, "BẢNG ĐÁNH GIÁ VIỆC GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEAD.length - 1));
            cell(sheet.createRow(1), 0, "Cơ quan, đơn vị: " + e.agencyName(), title);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, HEAD.length - 1));
            cell(sheet.createRow(2), 0, "Kỳ đánh giá: " + e.period().label() + " (từ ngày " + vn(e.period().from()) + " đến ngày "
                    + vn(e.period().to()) + ") — Số phiếu đánh giá: " + e.slips(), title);
            sheet.addMergedRegion(new CellRangeAddress(2, 2, 0, HEAD.length - 1));
            Row h = sheet.createRow(4);
            for (int i = 0; i < HEAD.length; i++) {
                cell(h, i, HEAD[i], head);
            }
            int r = 5;
            for (Evaluation.Criterion c : e.criteria()) {
                Row row = sheet.createRow(r++);
                Cell n = row.createCell(0);
                n.setCellValue(c.number());
                n.setCellStyle(text);
                cell(row, 1, c.name(), text);
                num(row, 2, Evaluation.STANDARD, number);
                num(row, 3, c.computed(), number);
                num(row, 4, c.self(), number);
                num(row, 5, c.verified(), number);
                num(row, 6, c.percent(), number);
                cell(row, 7, c.note() == null ? (c.counted() < e.slips() ? "Có dữ liệu ở " + c.counted() + "/" + e.slips() + " phiếu" : "") : c.note(), text);
            }
            Row total = sheet.createRow(r++);
            cell(total, 0, "", totalText);
            cell(total, 1, "Tổng điểm", totalText);
            num(total, 2, e.standardTotal(), totalNumber);
            num(total, 3, e.computedTotal(), totalNumber);
            num(total, 4, e.selfTotal(), totalNumber);
            num(total, 5, e.verifiedTotal(), totalNumber);
            num(total, 6, e.finalTotal().multiply(BigDecimal.valueOf(100)).divide(e.standardTotal(), 2, java.math.RoundingMode.HALF_UP), totalNumber);
            cell(total, 7, "Xếp loại: " + band, totalText);
            r++;
            cell(sheet.createRow(r++), 1, "Trạng thái: " + e.status().label(), text);
            if (e.assessedBy() != null) {
                cell(sheet.createRow(r++), 1, "Tự đánh giá: " + e.assessedBy() + ", " + e.assessedAt().toLocalDate(), text);
            }
            if (e.verifiedBy() != null) {
                cell(sheet.createRow(r), 1, "Thẩm định: " + e.verifiedBy() + ", " + e.verifiedAt().toLocalDate(), text);
            }
            sheet.setColumnWidth(0, 6 * 256);
            sheet.setColumnWidth(1, 70 * 256);
            for (int i = 2; i < 7; i++) {
                sheet.setColumnWidth(i, 14 * 256);
            }
            sheet.setColumnWidth(7, 30 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String vn(java.time.LocalDate d) {
        return String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    private static void cell(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    private static void num(Row row, int col, BigDecimal value, CellStyle style) {
        Cell c = row.createCell(col);
        if (value != null) {
            c.setCellValue(value.doubleValue());
        }
        c.setCellStyle(style);
    }

    private static void border(CellStyle s) {
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
    }
}
