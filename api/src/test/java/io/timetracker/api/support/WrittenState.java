package io.timetracker.api.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a request could have written, in one comparable value: the event store (every change is an event) and
 * the command side's own tables (constraints claimed in the same transaction). Two equal readings around a
 * refused request prove it left nothing behind.
 */
public record WrittenState(long lastEvent, long events, long uniqueKeys, long runningTimers, long spans,
                           long approvalRequests) {

    public static WrittenState of(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                SELECT (SELECT coalesce(max(global_index), 0) FROM domain_event_entry),
                       (SELECT count(*) FROM domain_event_entry),
                       (SELECT count(*) FROM unique_key),
                       (SELECT count(*) FROM running_timer),
                       (SELECT count(*) FROM time_entry_span),
                       (SELECT count(*) FROM approval_directory)""",
                (rs, row) -> new WrittenState(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)));
    }
}
