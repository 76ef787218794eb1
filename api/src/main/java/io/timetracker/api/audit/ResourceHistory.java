package io.timetracker.api.audit;

import io.timetracker.api.auth.Caller;
import io.timetracker.api.web.ApiException;
import io.timetracker.api.web.Envelopes;
import io.timetracker.api.web.Queries;
import io.timetracker.api.web.QueryParams;
import io.timetracker.query.audit.AuditQueries.FindHistory;
import io.timetracker.query.audit.AuditRow;
import io.timetracker.query.common.PageRequest;
import io.timetracker.query.common.PageResult;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * {@code GET /<resource>/{id}/history} (contract §9): the audit log's rows of one entity, oldest first, paginated.
 * The resource's controller decides whether the caller may see the resource as it is now; a resource that is gone
 * (deleted) keeps its history for administrators only, and one that never existed has none (404 either way).
 */
@Component
public class ResourceHistory {

    private final Queries queries;

    public ResourceHistory(Queries queries) {
        this.queries = queries;
    }

    /**
     * @param aggregateType the resource's aggregate type, as in {@code AggregateIds}
     * @param thing      the resource's name in a 404 ({@code Project})
     * @param visible    whether the caller sees the resource now (false when it is gone or not theirs)
     */
    public Map<String, Object> of(String aggregateType, long id, String thing, boolean visible, Caller caller,
                                  HttpServletRequest request) {
        PageRequest page = QueryParams.page(request);
        if (!visible && !caller.isAdmin()) {
            throw ApiException.notFound(thing + " not found");
        }
        PageResult<AuditRow> rows = queries.page(new FindHistory(aggregateType, id, page));
        if (rows.total() == 0) {
            throw ApiException.notFound(thing + " not found");
        }
        return Envelopes.list("history", rows, page);
    }
}
