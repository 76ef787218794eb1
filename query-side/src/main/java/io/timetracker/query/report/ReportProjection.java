package io.timetracker.query.report;

import io.timetracker.events.approval.EntryApprovalEvent;
import io.timetracker.events.timeentry.TimeEntryCreated;
import io.timetracker.events.timeentry.TimeEntryDeleted;
import io.timetracker.events.timeentry.TimeEntryDetails;
import io.timetracker.events.timeentry.TimeEntryUpdated;
import io.timetracker.events.timeentry.TimerStopped;
import io.timetracker.query.common.Columns;
import io.timetracker.query.common.ProjectionWrites;
import io.timetracker.query.common.ReadModel;
import io.timetracker.query.common.RowStatement;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;

import static io.timetracker.query.common.RowStatement.bigint;
import static io.timetracker.query.common.RowStatement.bool;
import static io.timetracker.query.common.RowStatement.date;
import static io.timetracker.query.common.RowStatement.text;
import static io.timetracker.query.common.RowStatement.timestamp;

/**
 * The reports read model: {@code report_entry_versions} (every recorded version of every completed entry with the
 * interval it was the recorded one), {@code report_day_totals} (the current versions summed per day, user,
 * client, project, task, billable and approval status), {@code report_day_project_totals} (the same of all users)
 * and {@code report_day_changes} (what each day's events changed in the latter, for reports at an instant). Each
 * event that gives an entry a new state closes the entry's current version at the event's timestamp, records the new
 * one (none when the entry was deleted or runs as a timer: running timers book nothing) and moves the totals by the
 * difference — one statement, so the closed version is read as it stood before it. A version is recorded once: a
 * repeated or replayed event finds a version at least as new and changes nothing. Work dates are the entries' start
 * dates in the server's time zone.
 */
@Component
@ProcessingGroup(ReportProjection.GROUP)
@ReadModel(name = ReportProjection.GROUP,
        tables = {"report_entry_versions", "report_day_totals", "report_day_project_totals", "report_day_changes"},
        version = 3)
public class ReportProjection {

    public static final String GROUP = "reports";

    /** What a new entry's first version says (the time-entry read model's default). */
    static final String NOT_SUBMITTED = "none";

    private static final String CELL = "work_date, user_id, client_id, project_id, task_id, billable, approval_status";
    /** A version's cell in the day totals, where no project or task is 0. */
    private static final String CELL_OF_VERSION = "work_date, user_id, client_id, coalesce(project_id, 0), "
            + "coalesce(task_id, 0), billable, approval_status";

    /** The cell of the totals of all users. */
    private static final String PROJECT_CELL = "work_date, client_id, project_id, task_id, billable, approval_status";

    /**
     * The totals of all users are spread over this many rows per cell (by entry), so that people booking on one
     * project on one day rarely wait for each other's row lock; a report sums them. Few, since every report of
     * everyone reads them all.
     */
    static final int PROJECT_CELL_SHARDS = 4;

    /** A version's shard of the totals of all users. */
    private static final String SHARD = "entry_id % " + PROJECT_CELL_SHARDS;

    /**
     * The start of a statement on versions: {@code previous}, the current versions of the rows' entries (each with
     * the instant it is closed at; {@code %s}: a further condition on it and its row {@code r}), and
     * {@code closed}, which closes them. A current version is its entry's newest version before the row's, unless
     * that one was closed. Both find it by the primary key whatever the planner guesses: a condition on
     * {@code recorded_to} in the lookup would let it pick a partial index of all current versions and, without
     * statistics (a new table, a rebuild's, no autovacuum), read them all on every write; a join of a replay window
     * to the table could be planned as a full scan of it.
     */
    private static final String CLOSE_CURRENT = """
            WITH previous AS (
                SELECT v.*, r.at AS closed_at FROM rows r, LATERAL (
                    SELECT * FROM report_entry_versions v WHERE v.entry_id = r.entry_id AND v.version < r.version
                    ORDER BY v.version DESC LIMIT 1) v
                WHERE v.recorded_to IS NULL%s
            ), closed AS (
                UPDATE report_entry_versions v SET recorded_to = p.closed_at FROM previous p
                WHERE v.entry_id = ANY (ARRAY(SELECT entry_id FROM previous))
                  AND v.entry_id = p.entry_id AND v.version = p.version
            )""";

    /** The day an event's changes are bucketed under in {@code report_day_changes}: its UTC date. */
    private static final String CHANGE_DAY = "(changed_at AT TIME ZONE 'UTC')::date";

    /**
     * The end of a statement whose CTEs {@code previous} (versions closed) and {@code recorded} (versions recorded,
     * their cells, shards, instants and seconds) say what changed: both day totals move by the difference, and the
     * changes of everyone's totals are added up per day of the change too.
     */
    private static final String MOVE_TOTALS = """
            , deltas (%1$s, shard, changed_at, seconds, entries) AS (
                SELECT %2$s, %4$s, closed_at, -seconds, -1 FROM previous
                UNION ALL
                SELECT *, 1 FROM recorded
            ), per_user AS (
                INSERT INTO report_day_totals AS t (%1$s, seconds, entries)
                SELECT %1$s, sum(seconds), sum(entries) FROM deltas GROUP BY %1$s
                HAVING sum(seconds) <> 0 OR sum(entries) <> 0 ORDER BY %1$s
                ON CONFLICT (%1$s) DO UPDATE SET seconds = t.seconds + EXCLUDED.seconds,
                       entries = t.entries + EXCLUDED.entries
            ), everyone AS (
                INSERT INTO report_day_project_totals AS t (%3$s, shard, seconds, entries)
                SELECT %3$s, shard, sum(seconds), sum(entries) FROM deltas GROUP BY %3$s, shard
                HAVING sum(seconds) <> 0 OR sum(entries) <> 0 ORDER BY %3$s, shard
                ON CONFLICT (%3$s, shard) DO UPDATE SET seconds = t.seconds + EXCLUDED.seconds,
                       entries = t.entries + EXCLUDED.entries
            )
            INSERT INTO report_day_changes AS t (changed_on, %3$s, shard, seconds, entries)
            SELECT %5$s, %3$s, shard, sum(seconds), sum(entries) FROM deltas GROUP BY %5$s, %3$s, shard
            HAVING sum(seconds) <> 0 OR sum(entries) <> 0 ORDER BY %5$s, %3$s, shard
            ON CONFLICT (changed_on, %3$s, shard) DO UPDATE SET seconds = t.seconds + EXCLUDED.seconds,
                   entries = t.entries + EXCLUDED.entries""".formatted(CELL, CELL_OF_VERSION, PROJECT_CELL, SHARD,
            CHANGE_DAY);

    private static final RowStatement RECORD = RowStatement.contended("report_entry_versions",
            CLOSE_CURRENT.formatted("") + """
            , recorded AS (
                INSERT INTO report_entry_versions (entry_id, version, user_id, client_id, project_id, task_id,
                                                   work_date, start_time, end_time, seconds, billable, notes, tags,
                                                   approval_status, recorded_from)
                SELECT r.entry_id, r.version, r.user_id, r.client_id, r.project_id, r.task_id, r.work_date,
                       r.start_time, r.end_time, r.seconds, r.billable, r.notes, r.tags,
                       coalesce(p.approval_status, r.approval_status), r.at
                FROM rows r LEFT JOIN previous p ON p.entry_id = r.entry_id
                WHERE r.seconds IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM report_entry_versions v WHERE v.entry_id = r.entry_id AND v.version >= r.version)
                RETURNING %s, %s, recorded_from, seconds
            )""".formatted(CELL_OF_VERSION, SHARD) + MOVE_TOTALS,
            bigint("entry_id"), bigint("version"), timestamp("at"), bigint("user_id"), bigint("client_id"),
            bigint("project_id"), bigint("task_id"), date("work_date"), timestamp("start_time"),
            timestamp("end_time"), bigint("seconds"), bool("billable"), text("notes"), text("tags"),
            text("approval_status"));

    /**
     * The entry's approval status changed: its current version is closed and recorded again with the new status,
     * and its totals move to the new status's cell. An entry with no current version (a running timer, deleted)
     * or one already at that status records nothing.
     */
    private static final RowStatement RESTATUS = RowStatement.contended("report_entry_versions",
            CLOSE_CURRENT.formatted(" AND v.approval_status <> r.approval_status") + """
            , recorded AS (
                INSERT INTO report_entry_versions (entry_id, version, user_id, client_id, project_id, task_id,
                                                   work_date, start_time, end_time, seconds, billable, notes, tags,
                                                   approval_status, recorded_from)
                SELECT p.entry_id, r.version, p.user_id, p.client_id, p.project_id, p.task_id, p.work_date,
                       p.start_time, p.end_time, p.seconds, p.billable, p.notes, p.tags, r.approval_status, r.at
                FROM previous p JOIN rows r ON r.entry_id = p.entry_id
                RETURNING %s, %s, recorded_from, seconds
            )""".formatted(CELL_OF_VERSION, SHARD) + MOVE_TOTALS,
            bigint("entry_id"), bigint("version"), timestamp("at"), text("approval_status"));

    private final ProjectionWrites writes;
    private final ZoneId zone;

    public ReportProjection(ProjectionWrites writes, @Value("${timetracker.timezone}") String zone) {
        this.writes = writes;
        this.zone = ZoneId.of(zone);
    }

    @EventHandler
    void on(TimeEntryCreated event, @Timestamp Instant at, @SequenceNumber long version) {
        if (!event.entry().running()) {
            record(event.entryId(), event.entry(), at, version);
        }
    }

    @EventHandler
    void on(TimeEntryUpdated event, @Timestamp Instant at, @SequenceNumber long version) {
        record(event.entryId(), event.entry(), at, version);
    }

    @EventHandler
    void on(TimerStopped event, @Timestamp Instant at, @SequenceNumber long version) {
        record(event.entryId(), event.entry(), at, version);
    }

    @EventHandler
    void on(TimeEntryDeleted event, @Timestamp Instant at, @SequenceNumber long version) {
        close(event.entryId(), at, version);
    }

    @EventHandler
    void on(EntryApprovalEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(RESTATUS, event.entryId(), event.entryId(), version, Columns.timestamp(at),
                event.entryStatusAfter());
    }

    /** The entry's new version (its approval status carried over from the current one); a running entry has none (its current one, if any, is closed). */
    private void record(long entryId, TimeEntryDetails entry, Instant at, long version) {
        if (entry.running()) {
            close(entryId, at, version);
            return;
        }
        writes.add(RECORD, entryId, entryId, version, Columns.timestamp(at), entry.userId(), entry.clientId(),
                entry.projectId(), entry.taskId(), java.sql.Date.valueOf(entry.startTime().atZone(zone).toLocalDate()),
                Columns.timestamp(entry.startTime()), Columns.timestamp(entry.endTime()), entry.durationSeconds(),
                entry.billable(), entry.notes(), entry.tags(), NOT_SUBMITTED);
    }

    /** The entry's current version, if any, stops being the recorded one at {@code at}; no new one is recorded. */
    private void close(long entryId, Instant at, long version) {
        writes.add(RECORD, entryId, entryId, version, Columns.timestamp(at), null, null, null, null, null, null, null,
                null, null, null, null, null);
    }
}
