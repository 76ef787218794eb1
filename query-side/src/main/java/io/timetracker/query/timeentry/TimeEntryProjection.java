package io.timetracker.query.timeentry;

import io.timetracker.query.common.ReadQueries;
import io.timetracker.query.common.Tags;
import io.timetracker.events.timeentry.TimeEntryCreated;
import io.timetracker.events.timeentry.TimeEntryDeleted;
import io.timetracker.events.timeentry.TimeEntryDetails;
import io.timetracker.events.timeentry.TimeEntryUpdated;
import io.timetracker.events.timeentry.TimerPaused;
import io.timetracker.events.timeentry.TimerResumed;
import io.timetracker.events.timeentry.TimerStopped;
import io.timetracker.query.common.BatchedWrites;
import io.timetracker.query.common.Columns;
import io.timetracker.query.common.PageResult;
import io.timetracker.query.common.Versioned;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The {@code time_entries} read table and the queries on it. User, project and client names are joined at
 * query time (renames show at once, nothing to keep in step); the task name joins the same way once the
 * {@code tasks} read table exists (add {@code LEFT JOIN tasks t ON t.id = e.task_id} to {@link #JOIN_NAMES}).
 * {@code time_entry_counts} (completed and running entries per user) answers the total of the common lists
 * without counting rows. Every handler is one idempotent statement, batched per event batch: inserts ignore a
 * known id, updates apply only a newer version, and the counts move only when the entry's row did.
 */
@Component
@ProcessingGroup(TimeEntryProjection.GROUP)
public class TimeEntryProjection {

    public static final String GROUP = "time-entries";

    private static final String ORDER = " ORDER BY e.start_time DESC, e.id DESC";
    private static final String JOIN_NAMES = " e LEFT JOIN users u ON u.id = e.user_id"
            + " LEFT JOIN projects p ON p.id = e.project_id LEFT JOIN clients c ON c.id = e.client_id"
            + " LEFT JOIN tasks t ON t.id = e.task_id";
    private static final String SELECT_NAMES =
            "SELECT e.*, u.username AS user_name, p.name AS project_name, c.name AS client_name, "
                    + "t.name AS task_name FROM ";

    /** Sets an entry's details (a stop also ends a pause); the caller may add conditions. */
    private static final String UPDATE_DETAILS = """
            UPDATE time_entries SET project_id = :projectId, client_id = :clientId, task_id = :taskId,
                   start_time = :startTime, end_time = :endTime, break_seconds = :breakSeconds,
                   duration_seconds = :durationSeconds, notes = :notes, tags = :tags, tag_keys = :tagKeys::text[],
                   billable = :billable, paid = :paid, invoice_number = :invoiceNumber,
                   paused_at = CASE WHEN CAST(:endTime AS timestamptz) IS NULL THEN paused_at END,
                   updated_at = :at, version = :version
            WHERE id = :id AND version < :version""";

    private final NamedParameterJdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final ReadQueries readQueries;
    private final Clock clock;

    public TimeEntryProjection(NamedParameterJdbcTemplate jdbc, BatchedWrites writes, ReadQueries readQueries,
                               Clock clock) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.readQueries = readQueries;
        this.clock = clock;
    }

    @EventHandler
    void on(TimeEntryCreated event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add("""
                WITH inserted AS (
                    INSERT INTO time_entries (id, user_id, project_id, client_id, task_id, start_time, end_time,
                                              break_seconds, duration_seconds, notes, tags, tag_keys, source,
                                              billable, paid, invoice_number, approval_status, is_locked, created_at,
                                              updated_at, version)
                    VALUES (:id, :userId, :projectId, :clientId, :taskId, :startTime, :endTime, :breakSeconds,
                            :durationSeconds, :notes, :tags, :tagKeys::text[], :source, :billable, :paid,
                            :invoiceNumber, 'none', false, :at, :at, :version)
                    ON CONFLICT (id) DO NOTHING
                    RETURNING user_id, end_time IS NULL AS running
                )
                INSERT INTO time_entry_counts AS n (user_id, completed, running)
                SELECT user_id, CASE WHEN running THEN 0 ELSE 1 END, CASE WHEN running THEN 1 ELSE 0 END
                FROM inserted
                ON CONFLICT (user_id) DO UPDATE SET completed = n.completed + EXCLUDED.completed,
                       running = n.running + EXCLUDED.running""",
                details(event.entryId(), event.entry(), at, version).addValue("source", event.source()));
    }

    @EventHandler
    void on(TimeEntryUpdated event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(UPDATE_DETAILS, details(event.entryId(), event.entry(), at, version));
    }

    /** The entry completes: its details change and the user's count moves from running to completed. */
    @EventHandler
    void on(TimerStopped event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add("WITH stopped AS (" + UPDATE_DETAILS + " AND end_time IS NULL RETURNING user_id) "
                        + "UPDATE time_entry_counts n SET completed = n.completed + 1, running = n.running - 1 "
                        + "FROM stopped WHERE n.user_id = stopped.user_id",
                details(event.entryId(), event.entry(), at, version));
    }

    @EventHandler
    void on(TimerPaused event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add("""
                UPDATE time_entries SET paused_at = :pausedAt, updated_at = :at, version = :version
                WHERE id = :id AND version < :version""",
                new MapSqlParameterSource("id", event.entryId())
                        .addValue("pausedAt", Columns.timestamp(event.pausedAt()))
                        .addValue("at", Columns.timestamp(at))
                        .addValue("version", version));
    }

    @EventHandler
    void on(TimerResumed event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add("""
                UPDATE time_entries SET paused_at = NULL, break_seconds = :breakSeconds, updated_at = :at,
                       version = :version
                WHERE id = :id AND version < :version""",
                new MapSqlParameterSource("id", event.entryId())
                        .addValue("breakSeconds", event.breakSeconds())
                        .addValue("at", Columns.timestamp(at))
                        .addValue("version", version));
    }

    @EventHandler
    void on(TimeEntryDeleted event) {
        writes.add("""
                WITH deleted AS (
                    DELETE FROM time_entries WHERE id = :id RETURNING user_id, end_time IS NULL AS running
                )
                UPDATE time_entry_counts n
                SET completed = n.completed - CASE WHEN d.running THEN 0 ELSE 1 END,
                    running = n.running - CASE WHEN d.running THEN 1 ELSE 0 END
                FROM deleted d WHERE n.user_id = d.user_id""", new MapSqlParameterSource("id", event.entryId()));
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().execute("TRUNCATE time_entries, time_entry_counts");
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    public Versioned handle(TimeEntryQueries.FindTimeEntry query) {
        return one(" WHERE e.id = :id", new MapSqlParameterSource("id", query.entryId()));
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    public Versioned handle(TimeEntryQueries.FindRunningTimer query) {
        return one(" WHERE e.user_id = :userId AND e.end_time IS NULL",
                new MapSqlParameterSource("userId", query.userId()));
    }

    /**
     * The page is chosen on {@code time_entries} alone (an index walk in list order), and only its rows are
     * joined to names.
     */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    public PageResult handle(TimeEntryQueries.ListTimeEntries query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = TimeEntryFilter.where(query, params);
        params.addValue("limit", query.page().perPage()).addValue("offset", query.page().offset());
        List<TimeEntryView> items = jdbc.query(SELECT_NAMES + "(SELECT * FROM time_entries e" + where + ORDER
                        + " LIMIT :limit OFFSET :offset)" + JOIN_NAMES + ORDER, params,
                (rs, row) -> view(rs));
        return new PageResult<>(items, total(query, items.size(), where, params));
    }

    /**
     * The size of the whole list: told by the page itself when it is partly filled (or the first page is empty),
     * else by the per-user counts when nothing but the user narrows the list, else counted.
     */
    private long total(TimeEntryQueries.ListTimeEntries query, int pageSize, String where,
                       MapSqlParameterSource params) {
        if (pageSize > 0 && pageSize < query.page().perPage()) {
            return query.page().offset() + pageSize;
        }
        if (pageSize == 0 && query.page().page() == 1) {
            return 0;
        }
        if (TimeEntryFilter.onlyByUser(query)) {
            return jdbc.queryForObject("SELECT coalesce(sum(completed" + (query.includeActive() ? " + running" : "")
                    + "), 0) FROM time_entry_counts" + (query.userId() == null ? "" : " WHERE user_id = :userId"),
                    params, Long.class);
        }
        return jdbc.queryForObject("SELECT count(*) FROM time_entries e" + where, params, Long.class);
    }

    private Versioned<TimeEntryView> one(String where, MapSqlParameterSource params) {
        return readQueries.one(SELECT_NAMES + "time_entries" + JOIN_NAMES + where, params, (rs, row) -> view(rs));
    }

    private static MapSqlParameterSource details(long entryId, TimeEntryDetails entry, Instant at, long version) {
        return new MapSqlParameterSource()
                .addValue("id", entryId)
                .addValue("userId", entry.userId())
                .addValue("projectId", entry.projectId())
                .addValue("clientId", entry.clientId())
                .addValue("taskId", entry.taskId())
                .addValue("startTime", Columns.timestamp(entry.startTime()))
                .addValue("endTime", Columns.timestamp(entry.endTime()))
                .addValue("breakSeconds", entry.breakSeconds())
                .addValue("durationSeconds", entry.durationSeconds())
                .addValue("notes", entry.notes())
                .addValue("tags", entry.tags())
                .addValue("tagKeys", Columns.arrayLiteral(Tags.keys(entry.tags())))
                .addValue("billable", entry.billable())
                .addValue("paid", entry.paid())
                .addValue("invoiceNumber", entry.invoiceNumber())
                .addValue("at", Columns.timestamp(at))
                .addValue("version", version);
    }

    private TimeEntryView view(ResultSet rs) throws SQLException {
        Instant start = Columns.instant(rs, "start_time");
        Instant end = Columns.instant(rs, "end_time");
        Instant pausedAt = Columns.instant(rs, "paused_at");
        long breakSeconds = rs.getLong("break_seconds");
        long duration = end != null ? rs.getLong("duration_seconds")
                : Math.max(Duration.between(start, pausedAt != null ? pausedAt : clock.instant()).toSeconds()
                - breakSeconds, 0);
        String tags = rs.getString("tags");
        return new TimeEntryView(rs.getLong("id"), rs.getLong("user_id"), Columns.nullableLong(rs, "project_id"),
                rs.getLong("client_id"), Columns.nullableLong(rs, "task_id"), start, end, pausedAt, duration,
                breakSeconds, Math.round(duration / 36.0) / 100.0, formatted(duration), rs.getString("notes"),
                tags, Tags.list(tags), rs.getString("source"), rs.getBoolean("billable"), rs.getBoolean("paid"),
                rs.getString("invoice_number"), end == null, rs.getString("approval_status"),
                rs.getBoolean("is_locked"), rs.getString("user_name"), rs.getString("project_name"),
                rs.getString("client_name"), rs.getString("task_name"), Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"));
    }

    /** {@code HH:MM:SS}; hours grow past 99 when they must. */
    static String formatted(long seconds) {
        return String.format("%02d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60);
    }
}
