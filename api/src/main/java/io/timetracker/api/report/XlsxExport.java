package io.timetracker.api.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A spreadsheet with typed cells — dates and date-times as dates, hours as numbers, billable as a boolean — a bold
 * header row and a totals row. Written with POI's streaming workbook: only a window of rows is in memory, the rest
 * goes to a temporary file until the workbook is written out (and the file removed).
 */
final class XlsxExport implements ExportWriter {

    /** Rows POI keeps in memory before it flushes them to its temporary file. */
    private static final int ROWS_IN_MEMORY = 100;

    private final OutputStream out;
    private final List<ExportColumn> columns;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
    private final SXSSFSheet sheet = workbook.createSheet("Time entries");
    private final CellStyle date = format("yyyy-mm-dd");
    private final CellStyle dateTime = format("yyyy-mm-dd hh:mm");
    private final CellStyle hours = format("0.00");
    private final CellStyle bold = workbook.createCellStyle();
    private int rows;

    private XlsxExport(OutputStream out, List<ExportColumn> columns) {
        this.out = out;
        this.columns = columns;
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        Row header = sheet.createRow(rows++);
        for (int c = 0; c < columns.size(); c++) {
            header.createCell(c).setCellValue(columns.get(c).header());
            header.getCell(c).setCellStyle(bold);
        }
    }

    static ExportWriter open(OutputStream out, ExportDocument document) {
        return new XlsxExport(out, document.columns());
    }

    private CellStyle format(String pattern) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(pattern));
        return style;
    }

    @Override
    public void row(List<Object> values) {
        Row row = sheet.createRow(rows++);
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (value instanceof LocalDate day) {
                cell.setCellValue(day);
                cell.setCellStyle(date);
            } else if (value instanceof OffsetDateTime time) {
                cell.setCellValue(time.toLocalDateTime());
                cell.setCellStyle(dateTime);
            } else if (value instanceof Double number) {
                cell.setCellValue(number);
                cell.setCellStyle(hours);
            } else if (value instanceof Boolean flag) {
                cell.setCellValue(flag);
            } else {
                cell.setCellValue(value.toString());
            }
        }
    }

    /** A bold last row: "Total" and the number of entries in the first column, the hours under Hours. */
    @Override
    public void finish(long entries, long seconds) throws IOException {
        Row total = sheet.createRow(rows);
        int hoursColumn = columns.indexOf(ExportColumn.HOURS);
        if (hoursColumn != 0) {
            total.createCell(0).setCellValue("Total (" + entries + " entries)");
            total.getCell(0).setCellStyle(bold);
        }
        if (hoursColumn >= 0) {
            total.createCell(hoursColumn).setCellValue(Hours.of(seconds));
            total.getCell(hoursColumn).setCellStyle(hours);
        }
        try {
            workbook.write(out);
            out.flush();
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }
}
