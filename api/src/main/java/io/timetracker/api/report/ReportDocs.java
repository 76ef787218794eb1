package io.timetracker.api.report;

import io.timetracker.api.docs.Answer;
import io.timetracker.api.docs.ApiDocs;
import io.timetracker.api.docs.ApiDocumentation;
import io.timetracker.api.docs.Json;
import io.timetracker.api.docs.OperationDoc;
import io.timetracker.api.docs.QueryParam;
import io.swagger.v3.oas.models.media.Schema;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;

/** Contract §8 in the OpenAPI document: the summary report and the downloads. */
@Component
class ReportDocs implements ApiDocumentation {

    private static final String ADMINS_ONLY = "A non-admin asking about another user";

    @Override
    public void describe(ApiDocs docs) {
        docs.tag("Reports", "Hours and revenue over a period, and the same entries as files");
        filters(docs.operation(ReportController.class, "summary").id("getReportSummary")
                .summary("Hours, entries and revenue of a period, by project and by group_by")
                .description("total_hours, billable_hours and estimated_revenue are also at the top level (the "
                        + "mobile app reads them there). estimated_revenue is the billable hours times the "
                        + "project's hourly_rate, else the client's default_hourly_rate.")
                .param(QueryParam.oneOf("group_by", ReportParams.GROUPINGS, "project", "What groups holds")), false)
                .answers(Answer.of(200, "The report", summary()))
                .error(403, ADMINS_ONLY);
        filters(docs.operation(ExportController.class, "export").id("exportReport")
                .summary("The report's time entries as a CSV, XLSX or PDF file")
                .description("Streamed from the database as the rows come; every problem with the request is a "
                        + "JSON error before the first byte.")
                .param(QueryParam.oneOf("format", ExportFormat.NAMES, "csv", "The file's format"))
                .param(QueryParam.text("columns", "Comma-separated, in the order wanted, of " + String.join(", ",
                        Arrays.stream(ExportColumn.values()).map(ExportColumn::parameter).toList())
                        + " (default: the first ten)"))
                .param(QueryParam.oneOf("group_by", ReportParams.GROUPINGS, "project",
                        "The totals the PDF shows")), false)
                .answers(Answer.download("The file (time-report_<start>_<end>.<format>)", Arrays.stream(
                        ExportFormat.values()).map(format -> format.mediaType().getType() + "/"
                        + format.mediaType().getSubtype()).toList()))
                .error(400, "An unknown format or column (errors names it)")
                .error(403, ADMINS_ONLY);
        filters(docs.operation(ExportController.class, "payroll").id("exportPayroll")
                .summary("Hours per user and ISO week as CSV")
                .description("Columns: " + String.join(", ", ExportController.PAYROLL_COLUMNS) + ".")
                .param(QueryParam.bool("approved_only", false, "Only approved entries")), true)
                .answers(Answer.download("The CSV file (payroll_<start>_<end>.csv)",
                        List.of(ExportFormat.CSV.mediaType().getType() + "/" + ExportFormat.CSV.mediaType()
                                .getSubtype())))
                .error(403, ADMINS_ONLY);
    }

    /** The filters {@link ReportParams} reads; {@code periodRequired}: start_date and end_date must be given. */
    private static OperationDoc filters(OperationDoc operation, boolean periodRequired) {
        QueryParam start = QueryParam.dateOrDateTime("start_date", periodRequired ? "First day"
                : "First day (default: " + (ReportParams.DEFAULT_DAYS - 1) + " days before end_date)");
        QueryParam end = QueryParam.dateOrDateTime("end_date", periodRequired ? "Last day, included"
                : "Last day, included (default: today)");
        return operation.param(periodRequired ? start.required() : start)
                .param(periodRequired ? end.required() : end)
                .param(QueryParam.id("project_id", "Only this project's entries"))
                .param(QueryParam.id("client_id", "Only this client's entries"))
                .param(QueryParam.id("user_id", "Only this user's entries (non-admins: only their own id; the "
                        + "default for them)"))
                .param(QueryParam.text("as_of", "A past date-time: the report as the recorded history stood then"));
    }

    private static Schema<?> summary() {
        return Json.object()
                .with("summary", Json.object()
                        .with("start_date", Json.string("date"))
                        .with("end_date", Json.string("date"))
                        .with("total_hours", Json.number())
                        .with("billable_hours", Json.number())
                        .with("total_entries", Json.integer())
                        .with("by_project", Json.array(Json.object()
                                .with("project_id", Json.nullable(Json.integer()))
                                .with("project_name", Json.nullable(Json.string()))
                                .with("hours", Json.number())
                                .with("billable_hours", Json.number())
                                .with("entries", Json.integer()))))
                .with("total_hours", Json.number())
                .with("billable_hours", Json.number())
                .with("estimated_revenue", Json.number())
                .with("group_by", Json.oneOf(ReportParams.GROUPINGS.toArray(String[]::new)))
                .with("groups", Json.array(Json.object()
                        .with("key", new Schema<>().nullable(true).description("The group's id (a project, client, "
                                + "user or task), or its day, week or month as text"))
                        .with("label", Json.nullable(Json.string()))
                        .with("hours", Json.number())
                        .with("billable_hours", Json.number())
                        .with("entries", Json.integer())))
                .with("as_of", Json.nullable(Json.dateTime()));
    }
}
