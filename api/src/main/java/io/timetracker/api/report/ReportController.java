package io.timetracker.api.report;

import io.timetracker.api.auth.RequiresScope;
import io.timetracker.api.web.ApiTime;
import io.timetracker.api.web.Queries;
import io.timetracker.api.web.RequestContext;
import io.timetracker.query.report.ReportQueries.Group;
import io.timetracker.query.report.ReportQueries.Grouping;
import io.timetracker.query.report.ReportQueries.ReportFilter;
import io.timetracker.query.report.ReportQueries.ReportSummary;
import io.timetracker.query.report.ReportQueries.Summarize;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Contract §8, the summary report: TimeTracker's {@code summary} object, the three totals the mobile app reads at
 * the top level, and the groups of {@code group_by}. {@code as_of} reports as the recorded history stood then.
 */
@RestController
@RequestMapping("/api/v1/reports")
public class ReportController {

    private final Queries queries;
    private final ReportParams params;
    private final ApiTime time;

    public ReportController(Queries queries, ReportParams params, ApiTime time) {
        this.queries = queries;
        this.params = params;
        this.time = time;
    }

    @GetMapping("/summary")
    @RequiresScope("read:reports")
    public Map<String, Object> summary(HttpServletRequest request) {
        ReportFilter filter = params.read(request, RequestContext.caller(request));
        Grouping grouping = ReportParams.grouping(request);
        ReportSummary report = queries.get(new Summarize(filter, grouping), ReportSummary.class);

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("start_date", filter.startDate().toString());
        summary.put("end_date", filter.endDate().toString());
        summary.put("total_hours", Hours.of(report.totals().seconds()));
        summary.put("billable_hours", Hours.of(report.totals().billableSeconds()));
        summary.put("total_entries", report.totals().entries());
        summary.put("by_project", report.byProject().stream().map(ReportController::projectJson).toList());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("summary", summary);
        body.put("total_hours", Hours.of(report.totals().seconds()));
        body.put("billable_hours", Hours.of(report.totals().billableSeconds()));
        body.put("estimated_revenue", report.totals().revenue());
        body.put("group_by", grouping.name().toLowerCase(Locale.ROOT));
        body.put("groups", report.groups().stream().map(ReportController::groupJson).toList());
        body.put("as_of", filter.asOf() == null ? null : time.format(filter.asOf()));
        return body;
    }

    private static Map<String, Object> projectJson(Group group) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("project_id", group.key());
        json.put("project_name", group.label());
        json.put("hours", Hours.of(group.seconds()));
        json.put("billable_hours", Hours.of(group.billableSeconds()));
        json.put("entries", group.entries());
        return json;
    }

    private static Map<String, Object> groupJson(Group group) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", group.key() instanceof Number ? group.key() : group.key() == null ? null : group.key().toString());
        json.put("label", group.label());
        json.put("hours", Hours.of(group.seconds()));
        json.put("billable_hours", Hours.of(group.billableSeconds()));
        json.put("entries", group.entries());
        return json;
    }
}
