package io.timetracker.api.audit;

import io.timetracker.api.web.ApiException;
import io.timetracker.api.web.ApiTime;
import io.timetracker.api.web.QueryParams;
import io.timetracker.query.audit.AuditQueries.AuditFilter;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The audit log's filters (contract §9) read from query parameters, the same for {@code GET /audit-logs} and the
 * admin web's audit page: {@code entity_type}, {@code entity_id}, {@code user_id}, {@code action},
 * {@code start_date}, {@code end_date}.
 */
public final class AuditFilters {

    /** The contract's entity types, also those whose resources do not exist yet (their rows are simply none). */
    public static final List<String> ENTITY_TYPES = List.of("project", "client", "contact", "task", "time_entry",
            "approval", "deal", "lead", "user", "api_token");
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z_]{0,63}");

    private AuditFilters() {
    }

    public static AuditFilter of(HttpServletRequest request, ApiTime time) {
        String action = request.getParameter("action");
        if (action != null && !action.isBlank() && !ACTION.matcher(action.strip()).matches()) {
            throw ApiException.validation("action", "Must be an action name such as created, updated or deleted");
        }
        return new AuditFilter(QueryParams.oneOf(request, "entity_type", ENTITY_TYPES, null),
                QueryParams.id(request, "entity_id"), QueryParams.id(request, "user_id"),
                action == null || action.isBlank() ? null : action.strip(),
                QueryParams.rangeStart(request, "start_date", time), QueryParams.rangeEnd(request, "end_date", time));
    }
}
