package io.timetracker.api.audit;

import io.timetracker.api.auth.RequiresScope;
import io.timetracker.api.web.ApiException;
import io.timetracker.api.web.ApiTime;
import io.timetracker.api.web.Envelopes;
import io.timetracker.api.web.Queries;
import io.timetracker.api.web.QueryParams;
import io.timetracker.query.audit.AuditQueries.AuditFilter;
import io.timetracker.query.audit.AuditQueries.FollowAuditLog;
import io.timetracker.query.audit.AuditQueries.ListAuditLog;
import io.timetracker.query.audit.AuditRow;
import io.timetracker.query.common.PageRequest;
import io.timetracker.query.common.PageResult;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Contract §9, the audit log: every recorded change, newest first; with {@code after=<id>} the rows recorded after
 * that row, oldest first, and {@code next_cursor} to ask for the next ones with (see {@code AuditLogReads}).
 */
@RestController
@RequestMapping("/api/v1/audit-logs")
public class AuditLogController {

    private final Queries queries;
    private final ApiTime time;

    public AuditLogController(Queries queries, ApiTime time) {
        this.queries = queries;
        this.time = time;
    }

    @GetMapping
    @RequiresScope("admin:all")
    public Map<String, Object> list(HttpServletRequest request) {
        AuditFilter filter = AuditFilters.of(request, time);
        PageRequest page = QueryParams.page(request);
        Long after = QueryParams.id(request, "after");
        if (after == null) {
            return Envelopes.list("audit_logs", queries.page(new ListAuditLog(filter, page)), page);
        }
        PageResult<AuditRow> rows = queries.page(new FollowAuditLog(after, filter, page));
        if (rows == null) {
            throw ApiException.validation("after", "No audit log row " + after + "; use the id of a row you read");
        }
        Map<String, Object> body = Envelopes.list("audit_logs", rows, page);
        body.put("next_cursor", rows.items().isEmpty() ? after : rows.items().get(rows.items().size() - 1).id());
        return body;
    }
}
