package io.timetracker.api.report;

import io.timetracker.api.auth.RequiresScope;
import io.timetracker.api.web.ApiException;
import io.timetracker.api.web.ApiTime;
import io.timetracker.api.web.Queries;
import io.timetracker.api.web.QueryParams;
import io.timetracker.api.web.RequestContext;
import io.timetracker.query.report.ReportEntries;
import io.timetracker.query.report.ReportEntry;
import io.timetracker.query.report.ReportQueries.FilterNames;
import io.timetracker.query.report.ReportQueries.Grouping;
import io.timetracker.query.report.ReportQueries.NameFilter;
import io.timetracker.query.report.ReportQueries.Payroll;
import io.timetracker.query.report.ReportQueries.PayrollWeek;
import io.timetracker.query.report.ReportQueries.PayrollWeeksOf;
import io.timetracker.query.report.ReportQueries.ReportFilter;
import io.timetracker.query.report.ReportQueries.ReportSummary;
import io.timetracker.query.report.ReportQueries.Summarize;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Contract §8, the downloads: the report's entries as CSV, XLSX or PDF, and the payroll CSV. A download streams
 * its rows from the database to the response as they come; everything a request can get wrong (a parameter, a
 * column, the format) is refused before the first byte is written.
 */
@RestController
@RequestMapping("/api/v1")
public class ExportController {

    static final List<String> PAYROLL_COLUMNS = List.of("user_id", "username", "week_year", "week_number",
            "period_start", "period_end", "hours", "billable_hours", "non_billable_hours");
    private static final DateTimeFormatter FILE_INSTANT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Queries queries;
    private final ReportParams params;
    private final ReportEntries entries;
    private final ApiTime time;

    public ExportController(Queries queries, ReportParams params, ReportEntries entries, ApiTime time) {
        this.queries = queries;
        this.params = params;
        this.entries = entries;
        this.time = time;
    }

    @GetMapping("/reports/export")
    @RequiresScope("read:reports")
    public ResponseEntity<StreamingResponseBody> export(HttpServletRequest request) {
        ReportFilter filter = params.read(request, RequestContext.caller(request));
        ExportFormat format = ExportFormat.valueOf(QueryParams.oneOf(request, "format", ExportFormat.NAMES, "csv")
                .toUpperCase(Locale.ROOT));
        List<ExportColumn> columns = columns(request);
        Grouping grouping = ReportParams.grouping(request);
        ReportSummary summary = queries.get(new Summarize(filter, grouping), ReportSummary.class);
        ExportDocument document = new ExportDocument(columns, "Time report", "Period: %s to %s"
                .formatted(filter.startDate(), filter.endDate()), filterLines(filter), summary,
                grouping.name().toLowerCase(Locale.ROOT));
        StreamingResponseBody body = out -> {
            ExportWriter writer = format.open(out, document);
            long[] totals = new long[2];
            try {
                entries.forEach(filter, entry -> {
                    totals[0]++;
                    totals[1] += entry.seconds();
                    write(writer, values(entry, columns));
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.finish(totals[0], totals[1]);
        };
        return download(format, fileName(filter, format.extension()), body);
    }

    @GetMapping("/exports/payroll")
    @RequiresScope("read:reports")
    public ResponseEntity<StreamingResponseBody> payroll(HttpServletRequest request) {
        ReportFilter filter = params.readRequiredPeriod(request, RequestContext.caller(request));
        boolean approvedOnly = QueryParams.bool(request, "approved_only", false);
        List<PayrollWeek> weeks = queries.get(new PayrollWeeksOf(filter, approvedOnly), Payroll.class).weeks();
        StreamingResponseBody body = out -> {
            CsvExport csv = new CsvExport(out, PAYROLL_COLUMNS);
            for (PayrollWeek week : weeks) {
                csv.row(List.of(week.userId(), week.username(), week.weekYear(), week.weekNumber(),
                        week.periodStart(), week.periodEnd(), Hours.of(week.seconds()),
                        Hours.of(week.billableSeconds()), Hours.of(week.seconds() - week.billableSeconds())));
            }
            csv.finish(weeks.size(), 0);
        };
        return download(ExportFormat.CSV, "payroll_%s_%s.csv".formatted(filter.startDate(), filter.endDate()), body);
    }

    private static ResponseEntity<StreamingResponseBody> download(ExportFormat format, String fileName,
                                                                  StreamingResponseBody body) {
        return ResponseEntity.ok().contentType(format.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(body);
    }

    /** {@code columns}: a comma list of known columns, in the order wanted; without it the default ten. */
    private static List<ExportColumn> columns(HttpServletRequest request) {
        String value = request.getParameter("columns");
        if (value == null || value.isBlank()) {
            return ExportColumn.DEFAULT;
        }
        List<ExportColumn> columns = new ArrayList<>();
        for (String name : value.split(",")) {
            ExportColumn column = ExportColumn.named(name.strip().toLowerCase(Locale.ROOT));
            if (column == null) {
                throw ApiException.validation("columns", "Unknown column '" + name.strip() + "'");
            }
            columns.add(column);
        }
        return columns;
    }

    private List<Object> values(ReportEntry entry, List<ExportColumn> columns) {
        List<Object> values = new ArrayList<>(columns.size());
        for (ExportColumn column : columns) {
            values.add(column.value(entry, time.zone()));
        }
        return values;
    }

    private static void write(ExportWriter writer, List<Object> values) {
        try {
            writer.row(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The filters as a person signing the report reads them: by name (as named at its instant), with the id. */
    private List<String> filterLines(ReportFilter filter) {
        FilterNames names = queries.get(new NameFilter(filter), FilterNames.class);
        List<String> lines = new ArrayList<>();
        if (filter.userId() != null) {
            lines.add(filterLine("User", names.user(), filter.userId()));
        }
        if (filter.clientId() != null) {
            lines.add(filterLine("Client", names.client(), filter.clientId()));
        }
        if (filter.projectId() != null) {
            lines.add(filterLine("Project", names.project(), filter.projectId()));
        }
        if (filter.asOf() != null) {
            lines.add("As recorded at " + time.format(filter.asOf()));
        }
        return lines;
    }

    private static String filterLine(String label, String name, long id) {
        return "%s: %s (id %d)".formatted(label, name == null ? "unknown" : name, id);
    }

    private static String fileName(ReportFilter filter, String extension) {
        return "time-report_%s_%s%s.%s".formatted(filter.startDate(), filter.endDate(),
                filter.asOf() == null ? "" : "_as-of_" + FILE_INSTANT.format(filter.asOf()), extension);
    }
}
