package io.timetracker.query.timeentry;

import io.timetracker.query.common.Tags;
import io.timetracker.query.common.Columns;
import io.timetracker.query.common.OptionalConditions;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** Turns the list filters into a WHERE clause over {@code time_entries e}, each filter an indexed condition. */
final class TimeEntryFilter {

    private TimeEntryFilter() {
    }

    static String where(TimeEntryQueries.ListTimeEntries query, MapSqlParameterSource params) {
        OptionalConditions where = new OptionalConditions(params)
                .and("e.user_id = :userId", "userId", query.userId())
                .and("e.project_id = :projectId", "projectId", query.projectId())
                .and("e.client_id = :clientId", "clientId", query.clientId())
                .and("e.task_id = :taskId", "taskId", query.taskId())
                .and("e.start_time >= :startFrom", "startFrom", Columns.timestamp(query.startFrom()))
                .and("e.start_time < :startBefore", "startBefore", Columns.timestamp(query.startBefore()))
                .and("e.billable = :billable", "billable", query.billable());
        if (!query.includeActive()) {
            where.and("e.end_time IS NOT NULL");
        }
        if (query.tags() != null && !query.tags().isEmpty()) {
            // the second condition is the tag index's own, so that the planner may use that (partial) index
            where.and("e.tag_keys @> :tagKeys::text[] AND e.tag_keys <> '{}'");
            params.addValue("tagKeys", Columns.arrayLiteral(query.tags().stream().map(Tags::key).toList()));
        }
        return where.sql();
    }

    /** Whether the list is narrowed by nothing but its user (if any), so that per-user counts give its total. */
    static boolean onlyByUser(TimeEntryQueries.ListTimeEntries query) {
        return query.projectId() == null && query.clientId() == null && query.taskId() == null
                && query.startFrom() == null && query.startBefore() == null && query.billable() == null
                && (query.tags() == null || query.tags().isEmpty());
    }
}
