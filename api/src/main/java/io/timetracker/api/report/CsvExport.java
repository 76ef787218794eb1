package io.timetracker.api.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * CSV (RFC 4180, UTF-8) with a header row; dates and date-times in ISO 8601, hours as decimal numbers. A text that a
 * spreadsheet would run as a formula (it starts with {@code = + - @}, a tab or a carriage return: notes, names,
 * tags are the users' own) gets a leading apostrophe, as OWASP's CSV injection guidance says; numbers, dates and
 * flags are never texts here, so they print as they are.
 */
final class CsvExport implements ExportWriter {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final CSVPrinter printer;

    CsvExport(OutputStream out, List<String> headers) throws IOException {
        this.printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(headers.toArray(String[]::new)).get());
    }

    static ExportWriter open(OutputStream out, ExportDocument document) throws IOException {
        return new CsvExport(out, document.columns().stream().map(ExportColumn::parameter).toList());
    }

    @Override
    public void row(List<Object> values) throws IOException {
        for (Object value : values) {
            printer.print(value instanceof OffsetDateTime time ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time)
                    : value instanceof String text ? inert(text) : value);
        }
        printer.println();
    }

    private static String inert(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** CSV rows are entries only: a reader sums them itself. */
    @Override
    public void finish(long entries, long seconds) throws IOException {
        printer.flush();
    }
}
