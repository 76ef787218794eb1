package io.timetracker.api.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import io.timetracker.query.report.ReportQueries.Group;
import io.timetracker.query.report.ReportQueries.Totals;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A report to print and sign (A4 landscape): title, period, filters, totals, a bar chart of the hours per group,
 * then the entries as a table with a totals row. The table is handed to the document in slices, so that finished
 * pages are written out and their rows dropped; memory does not grow with the entries.
 */
final class PdfExport implements ExportWriter {

    /** Rows collected before they are laid out onto pages. */
    private static final int ROWS_PER_SLICE = 100;
    /** Bars the chart shows; the smaller groups are summed into one more. */
    private static final int MOST_BARS = 12;
    private static final float BAR_HEIGHT = 14;
    private static final float LABEL_WIDTH = 180;
    private static final float CHART_WIDTH = 700;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 8);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);

    private final Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
    private final PdfWriter writer;
    private final List<ExportColumn> columns;
    private final PdfPTable table;
    private int rowsInSlice;

    private PdfExport(OutputStream out, ExportDocument report) {
        this.columns = report.columns();
        this.writer = PdfWriter.getInstance(document, out);
        writer.setCloseStream(false);
        document.addTitle(report.title());
        document.open();
        document.add(new Paragraph(report.title(), TITLE));
        document.add(new Paragraph(report.period(), HEADING));
        report.filters().forEach(filter -> document.add(new Paragraph(filter, TEXT)));
        Totals totals = report.summary().totals();
        document.add(new Paragraph("Total %s h, billable %s h, %d entries, estimated revenue %s".formatted(
                hours(totals.seconds()), hours(totals.billableSeconds()), totals.entries(),
                totals.revenue().toPlainString()), HEADING));
        if (!report.summary().groups().isEmpty()) {
            document.add(new Paragraph("Hours per " + report.groupedBy(), HEADING));
            document.add(chart(report.summary().groups()));
        }
        table = new PdfPTable(widths(columns));
        table.setWidthPercentage(100);
        table.setSpacingBefore(12);
        table.setHeaderRows(1);
        table.setComplete(false);
        columns.forEach(column -> table.addCell(cell(column.header(), BOLD, new Color(225, 225, 225))));
    }

    static ExportWriter open(OutputStream out, ExportDocument document) {
        return new PdfExport(out, document);
    }

    @Override
    public void row(List<Object> values) {
        for (int c = 0; c < values.size(); c++) {
            table.addCell(cell(text(values.get(c)), TEXT, null));
        }
        if (++rowsInSlice == ROWS_PER_SLICE) {
            document.add(table);
            rowsInSlice = 0;
        }
    }

    /** The last row: "Total" and the hours (the entries are counted in the totals above). */
    @Override
    public void finish(long entries, long seconds) {
        int hoursColumn = columns.indexOf(ExportColumn.HOURS);
        for (int c = 0; c < columns.size(); c++) {
            String text = c == hoursColumn ? hours(seconds) : c == 0 ? "Total" : "";
            table.addCell(cell(text, BOLD, null));
        }
        table.setComplete(true);
        document.add(table);
        document.close();
    }

    /** Room for a date-time on one line, more for notes. */
    private static float[] widths(List<ExportColumn> columns) {
        float[] widths = new float[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = switch (columns.get(c)) {
                case HOURS, BILLABLE -> 0.7f;
                case DATE -> 1f;
                case START, END -> 1.4f;
                case NOTES -> 2.4f;
                default -> 1.2f;
            };
        }
        return widths;
    }

    /** Horizontal bars, longest first, each with its label and hours. */
    private Image chart(List<Group> groups) {
        List<Group> bars = groups.size() <= MOST_BARS ? groups : barsWithOthers(groups);
        float height = bars.size() * (BAR_HEIGHT + 4);
        PdfTemplate canvas = writer.getDirectContent().createTemplate(CHART_WIDTH, height);
        long longest = Math.max(1, bars.stream().mapToLong(Group::seconds).max().orElse(1));
        float barRoom = CHART_WIDTH - LABEL_WIDTH - 60;
        for (int i = 0; i < bars.size(); i++) {
            Group bar = bars.get(i);
            float y = height - (i + 1) * (BAR_HEIGHT + 4) + 2;
            canvas.setColorFill(new Color(70, 110, 170));
            canvas.rectangle(LABEL_WIDTH, y, Math.max(1, barRoom * bar.seconds() / longest), BAR_HEIGHT);
            canvas.fill();
            canvas.beginText();
            canvas.setFontAndSize(TEXT.getBaseFont(), 8);
            canvas.setColorFill(Color.BLACK);
            canvas.showTextAligned(PdfContentByte.ALIGN_RIGHT, label(bar), LABEL_WIDTH - 6, y + 4, 0);
            canvas.showTextAligned(PdfContentByte.ALIGN_LEFT, hours(bar.seconds()) + " h",
                    LABEL_WIDTH + barRoom * bar.seconds() / longest + 6, y + 4, 0);
            canvas.endText();
        }
        try {
            Image image = Image.getInstance(canvas);
            image.setAlignment(Element.ALIGN_LEFT);
            return image;
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Group> barsWithOthers(List<Group> groups) {
        List<Group> rest = groups.subList(MOST_BARS - 1, groups.size());
        Group others = new Group(null, "Others (" + rest.size() + ")",
                rest.stream().mapToLong(Group::seconds).sum(), rest.stream().mapToLong(Group::billableSeconds).sum(),
                rest.stream().mapToLong(Group::entries).sum());
        List<Group> bars = new java.util.ArrayList<>(groups.subList(0, MOST_BARS - 1));
        bars.add(others);
        return bars;
    }

    private static String label(Group group) {
        String label = group.label() == null ? "(none)" : group.label();
        return label.length() > 32 ? label.substring(0, 31) + "…" : label;
    }

    private static PdfPCell cell(String text, Font font, Color background) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setPadding(3);
        if (background != null) {
            cell.setBackgroundColor(background);
        }
        return cell;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof OffsetDateTime time) {
            return DATE_TIME.format(time);
        }
        if (value instanceof Double number) {
            return String.format(Locale.ROOT, "%.2f", number);
        }
        if (value instanceof Boolean flag) {
            return flag ? "yes" : "no";
        }
        return value instanceof LocalDate date ? date.toString() : value.toString();
    }

    private static String hours(long seconds) {
        return String.format(Locale.ROOT, "%.2f", Hours.of(seconds));
    }
}
