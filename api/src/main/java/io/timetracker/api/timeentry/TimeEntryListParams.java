package io.timetracker.api.timeentry;

import io.timetracker.api.auth.Caller;
import io.timetracker.api.web.ApiException;
import io.timetracker.api.web.ApiTime;
import io.timetracker.api.web.QueryParams;
import io.timetracker.query.common.Tags;
import io.timetracker.query.timeentry.TimeEntryQueries.ListTimeEntries;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;

/**
 * Reads the filters of {@code GET /time-entries}. {@code start_date}/{@code end_date} take a date or a date-time
 * and select entries by their start; a date-only {@code end_date} includes that whole day (in the server's time
 * zone). A non-admin sees only their own entries: no {@code user_id} means themselves, another user's id is 403.
 */
final class TimeEntryListParams {

    private TimeEntryListParams() {
    }

    static ListTimeEntries read(HttpServletRequest request, Caller caller, ApiTime time) {
        Long userId = QueryParams.id(request, "user_id");
        if (!caller.isAdmin()) {
            if (userId != null && userId != caller.userId()) {
                throw ApiException.forbidden("Only administrators may list other users' time entries");
            }
            userId = caller.userId();
        }
        String tags = request.getParameter("tags");
        return new ListTimeEntries(userId, QueryParams.id(request, "project_id"),
                QueryParams.id(request, "client_id"), QueryParams.id(request, "task_id"),
                QueryParams.rangeStart(request, "start_date", time), QueryParams.rangeEnd(request, "end_date", time),
                QueryParams.bool(request, "billable", null), QueryParams.bool(request, "include_active", false),
                tags == null ? List.of() : Tags.list(tags), QueryParams.page(request));
    }
}
