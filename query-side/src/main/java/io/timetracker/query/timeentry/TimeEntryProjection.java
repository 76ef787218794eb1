package io.timetracker.query.timeentry;

import io.timetracker.events.approval.EntryApprovalEvent;
import io.timetracker.events.timeentry.TimeEntryCreated;
import io.timetracker.events.timeentry.TimeEntryDeleted;
import io.timetracker.events.timeentry.TimeEntryDetails;
import io.timetracker.events.timeentry.TimeEntryUpdated;
import io.timetracker.events.timeentry.TimerPaused;
import io.timetracker.events.timeentry.TimerResumed;
import io.timetracker.events.timeentry.TimerStopped;
import io.timetracker.query.common.Columns;
import io.timetracker.query.common.PageResult;
import io.timetracker.query.common.ProjectionWrites;
import io.timetracker.query.common.ReadBack;
import io.timetracker.query.common.ReadModel;
import io.timetracker.query.common.ReadQueries;
import io.timetracker.query.common.RowStatement;
import io.timetracker.query.common.Tags;
import io.timetracker.query.common.Versioned;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
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
import java.util.Arrays;
import java.util.List;

import static io.timetracker.query.common.RowStatement.bigint;
import static io.timetracker.query.common.RowStatement.bool;
import static io.timetracker.query.common.RowStatement.text;
import static io.timetracker.query.common.RowStatement.timestamp;

/**
 * The {@code time_entries} read table and the queries on it. User, project, client and task names are joined at
 * query time (renames show at once, nothing to keep in step). {@code time_entry_counts} (completed and running
 * entries per user) answers the total of the common lists without counting rows. Every statement is set-based
 * ({@link RowStatement}) and idempotent: inserts ignore a known id, updates apply only a newer version, and the
 * counts move only when an entry's row did.
 */
@Component
@ProcessingGroup(TimeEntryProjection.GROUP)
@ReadModel(name = TimeEntryProjection.GROUP, tables = {"time_entries", "time_entry_counts"}, version = 2)
public class TimeEntryProjection {

    public static final String GROUP = "time-entries";

    private static final String ORDER = " ORDER BY e.start_time DESC, e.id DESC";
    private static final String JOIN_NAMES = " e LEFT JOIN users u ON u.id = e.user_id"
            + " LEFT JOIN projects p ON p.id = e.project_id LEFT JOIN clients c ON c.id = e.client_id"
            + " LEFT JOIN tasks t ON t.id = e.task_id";
    private static final String SELECT_NAMES =
            "SELECT e.*, u.username AS user_name, p.name AS project_name, c.name AS client_name, "
                    + "t.name AS task_name FROM ";

    /** An entry's recorded state, as every event but pause and resume carries it whole. */
    private static final List<RowStatement.Column> DETAILS = List.of(bigint("id"), bigint("user_id"),
            bigint("project_id"), bigint("client_id"), bigint("task_id"), timestamp("start_time"),
            timestamp("end_time"), bigint("break_seconds"), bigint("duration_seconds"), text("notes"), text("tags"),
            text("tag_keys"), bool("billable"), bool("paid"), text("invoice_number"), timestamp("at"),
            bigint("version"));

    /** Sets an entry's details (a stop also ends a pause) where the event is newer than the row. */
    private static final String SET_DETAILS = """
            UPDATE time_entries e SET project_id = r.project_id, client_id = r.client_id, task_id = r.task_id,
                   start_time = r.start_time, end_time = r.end_time, break_seconds = r.break_seconds,
                   duration_seconds = r.duration_seconds, notes = r.notes, tags = r.tags,
                   tag_keys = r.tag_keys::text[], billable = r.billable, paid = r.paid,
                   invoice_number = r.invoice_number,
                   paused_at = CASE WHEN r.end_time IS NULL THEN e.paused_at END,
                   updated_at = r.at, version = r.version
            FROM rows r WHERE e.id = r.id AND e.version < r.version""";

    private static final RowStatement CREATE = RowStatement.of("time_entries", """
            WITH inserted AS (
                INSERT INTO time_entries (id, user_id, project_id, client_id, task_id, start_time, end_time,
                                          break_seconds, duration_seconds, notes, tags, tag_keys, billable, paid,
                                          invoice_number, source, approval_status, is_locked, created_at,
                                          updated_at, version)
                SELECT id, user_id, project_id, client_id, task_id, start_time, end_time, break_seconds,
                       duration_seconds, notes, tags, tag_keys::text[], billable, paid, invoice_number, source,
                       'none', false, at, at, version
                FROM rows
                ON CONFLICT (id) DO NOTHING
                RETURNING user_id, end_time IS NULL AS running
            )
            INSERT INTO time_entry_counts AS n (user_id, completed, running)
            SELECT user_id, count(*) FILTER (WHERE NOT running), count(*) FILTER (WHERE running)
            FROM inserted GROUP BY user_id ORDER BY user_id
            ON CONFLICT (user_id) DO UPDATE SET completed = n.completed + EXCLUDED.completed,
                   running = n.running + EXCLUDED.running""", columns(DETAILS, text("source")));

    private static final RowStatement UPDATE = RowStatement.of("time_entries", SET_DETAILS, columns(DETAILS));

    /** The entry completes: its details change and the user's count moves from running to completed. */
    private static final RowStatement STOP = RowStatement.of("time_entries", "WITH stopped AS (" + SET_DETAILS
            + " AND e.end_time IS NULL RETURNING e.user_id) "
            + "UPDATE time_entry_counts n SET completed = n.completed + s.stopped, running = n.running - s.stopped "
            + "FROM (SELECT user_id, count(*) AS stopped FROM stopped GROUP BY user_id) s "
            + "WHERE n.user_id = s.user_id", columns(DETAILS));

    private static final RowStatement PAUSE = RowStatement.of("time_entries", """
            UPDATE time_entries e SET paused_at = r.paused_at, updated_at = r.at, version = r.version
            FROM rows r WHERE e.id = r.id AND e.version < r.version""",
            bigint("id"), timestamp("paused_at"), timestamp("at"), bigint("version"));

    private static final RowStatement RESUME = RowStatement.of("time_entries", """
            UPDATE time_entries e SET paused_at = NULL, break_seconds = r.break_seconds, updated_at = r.at,
                   version = r.version
            FROM rows r WHERE e.id = r.id AND e.version < r.version""",
            bigint("id"), bigint("break_seconds"), timestamp("at"), bigint("version"));

    /** Where the entry stands in approval: {@code none}, {@code pending}, {@code approved} (locked) or rejected. */
    private static final RowStatement APPROVAL = RowStatement.of("time_entries", """
            UPDATE time_entries e SET approval_status = r.approval_status, is_locked = r.is_locked, updated_at = r.at,
                   version = r.version
            FROM rows r WHERE e.id = r.id AND e.version < r.version""",
            bigint("id"), text("approval_status"), bool("is_locked"), timestamp("at"), bigint("version"));

    private static final RowStatement DELETE = RowStatement.of("time_entries", """
            WITH deleted AS (
                DELETE FROM time_entries e USING rows r WHERE e.id = r.id
                RETURNING e.user_id, e.end_time IS NULL AS running
            )
            UPDATE time_entry_counts n SET completed = n.completed - d.completed, running = n.running - d.running
            FROM (SELECT user_id, count(*) FILTER (WHERE NOT running) AS completed,
                         count(*) FILTER (WHERE running) AS running
                  FROM deleted GROUP BY user_id) d
            WHERE n.user_id = d.user_id""", bigint("id"));

    private final NamedParameterJdbcTemplate jdbc;
    private final ProjectionWrites writes;
    private final ReadQueries readQueries;
    private final Clock clock;

    public TimeEntryProjection(NamedParameterJdbcTemplate jdbc, ProjectionWrites writes, ReadQueries readQueries,
                               Clock clock) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.readQueries = readQueries;
        this.clock = clock;
    }

    @EventHandler
    void on(TimeEntryCreated event, @Timestamp Instant at, @SequenceNumber long version) {
        Object[] details = details(event.entryId(), event.entry(), at, version);
        Object[] withSource = Arrays.copyOf(details, details.length + 1);
        withSource[details.length] = event.source();
        writes.add(CREATE, event.entryId(), withSource);
    }

    @EventHandler
    void on(TimeEntryUpdated event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(UPDATE, event.entryId(), details(event.entryId(), event.entry(), at, version));
    }

    @EventHandler
    void on(TimerStopped event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(STOP, event.entryId(), details(event.entryId(), event.entry(), at, version));
    }

    @EventHandler
    void on(TimerPaused event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(PAUSE, event.entryId(), event.entryId(), Columns.timestamp(event.pausedAt()),
                Columns.timestamp(at), version);
    }

    @EventHandler
    void on(TimerResumed event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(RESUME, event.entryId(), event.entryId(), event.breakSeconds(), Columns.timestamp(at), version);
    }

    /** Only an approved entry is locked. */
    @EventHandler
    void on(EntryApprovalEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        String status = event.entryStatusAfter();
        writes.add(APPROVAL, event.entryId(), event.entryId(), status, status.equals("approved"),
                Columns.timestamp(at), version);
    }

    @EventHandler
    void on(TimeEntryDeleted event) {
        writes.add(DELETE, event.entryId(), event.entryId());
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

    /** The entry as {@link TimeEntryQueries.FindTimeEntry} answers it, read by the write that creates or changes it. */
    public ReadBack<Versioned<TimeEntryView>> written(long entryId) {
        return new ReadBack<>(SELECT_NAMES + "time_entries" + JOIN_NAMES + " WHERE e.id = ?", List.of(entryId),
                (rs, row) -> new Versioned<>(view(rs), rs.getLong("version")));
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

    private static Object[] details(long entryId, TimeEntryDetails entry, Instant at, long version) {
        return new Object[]{entryId, entry.userId(), entry.projectId(), entry.clientId(), entry.taskId(),
                Columns.timestamp(entry.startTime()), Columns.timestamp(entry.endTime()), entry.breakSeconds(),
                entry.durationSeconds(), entry.notes(), entry.tags(), Columns.arrayLiteral(Tags.keys(entry.tags())),
                entry.billable(), entry.paid(), entry.invoiceNumber(), Columns.timestamp(at), version};
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

    private static RowStatement.Column[] columns(List<RowStatement.Column> first, RowStatement.Column... more) {
        RowStatement.Column[] all = first.toArray(new RowStatement.Column[first.size() + more.length]);
        System.arraycopy(more, 0, all, first.size(), more.length);
        return all;
    }
}
