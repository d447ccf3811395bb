package vn.motcua.shared.web;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.function.Consumer;

/**
 * A report table as offices file it, in Excel (Apache POI): one sheet with centred bold title lines over the table,
 * a bordered bold header, bordered text and figures, bold totals. Each module writes its rows; this writes the rest.
 */
public final class ReportWorkbook {
    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final Sheet sheet;
    private final int columns;
    public final CellStyle title;
    public final CellStyle head;
    public final CellStyle text;
    public final CellStyle number;
    public final CellStyle totalText;
    public final CellStyle totalNumber;

    /** A sheet for a table of the given number of columns, figures shown in the Excel format (e.g. {@code #,##0}). */
    public ReportWorkbook(String sheetName, int columns, String numberFormat) {
        this.sheet = workbook.createSheet(sheetName);
        this.columns = columns;
        Font bold = workbook.createFont();
        bold.setBold(true);
        title = workbook.createCellStyle();
        title.setFont(bold);
        title.setAlignment(HorizontalAlignment.CENTER);
        head = workbook.createCellStyle();
        head.setFont(bold);
        head.setWrapText(true);
        head.setAlignment(HorizontalAlignment.CENTER);
        border(head);
        text = workbook.createCellStyle();
        text.setWrapText(true);
        border(text);
        number = workbook.createCellStyle();
        number.setDataFormat(workbook.createDataFormat().getFormat(numberFormat));
        border(number);
        totalNumber = workbook.createCellStyle();
        totalNumber.cloneStyleFrom(number);
        totalNumber.setFont(bold);
        totalText = workbook.createCellStyle();
        totalText.cloneStyleFrom(text);
        totalText.setFont(bold);
    }

    public Sheet sheet() {
        return sheet;
    }

    /** A title line across the whole table. */
    public void titleLine(int row, String value) {
        cell(sheet.createRow(row), 0, value, title);
        sheet.addMergedRegion(new CellRangeAddress(row, row, 0, columns - 1));
    }

    /** The header row. */
    public void header(int row, String... names) {
        Row h = sheet.createRow(row);
        for (int i = 0; i < names.length; i++) {
            cell(h, i, names[i], head);
        }
    }

    /** Column widths in characters. */
    public void widths(int... characters) {
        for (int i = 0; i < characters.length; i++) {
            sheet.setColumnWidth(i, characters[i] * 256);
        }
    }

    public static void cell(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    public static void number(Row row, int col, double value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    /** A figure, or an empty bordered cell when there is none. */
    public static void number(Row row, int col, BigDecimal value, CellStyle style) {
        Cell c = row.createCell(col);
        if (value != null) {
            c.setCellValue(value.doubleValue());
        }
        c.setCellStyle(style);
    }

    /** The workbook as bytes, after the last touches to the sheet. */
    public byte[] bytes(Consumer<Sheet> finish) {
        finish.accept(sheet);
        try (XSSFWorkbook wb = workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void border(CellStyle s) {
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
    }
}
