package io.timetracker.query.project;

import io.timetracker.events.timeentry.TimeEntryCreated;
import io.timetracker.events.timeentry.TimeEntryDeleted;
import io.timetracker.events.timeentry.TimeEntryDetails;
import io.timetracker.events.timeentry.TimeEntryUpdated;
import io.timetracker.events.timeentry.TimerStopped;
import io.timetracker.query.common.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The part of the projects projection (same processing group, so the same ordered stream and the same reset)
 * that keeps {@code projects.total_seconds} and {@code billable_seconds} current from time-entry events. Its
 * ledger {@code project_booked_time} remembers what each entry last booked on which project, so each event
 * becomes one statement applying the difference; a replayed or repeated event finds the ledger at its version
 * already and changes nothing. Running timers book nothing until they stop. ({@code previous} reads the ledger
 * row as it was before this statement: all parts of one statement share its snapshot. No {@code FOR UPDATE}
 * there: it would skip the row this very statement updates.)
 */
@Component
@ProcessingGroup(ProjectProjection.GROUP)
public class ProjectTimeTotals {

    private static final String BOOK = """
            WITH previous AS (
                SELECT project_id, seconds, billable_seconds FROM project_booked_time WHERE entry_id = :entryId
            ), booked AS (
                INSERT INTO project_booked_time AS b (entry_id, project_id, seconds, billable_seconds, version)
                VALUES (:entryId, :projectId, :seconds, :billableSeconds, :version)
                ON CONFLICT (entry_id) DO UPDATE SET project_id = EXCLUDED.project_id, seconds = EXCLUDED.seconds,
                       billable_seconds = EXCLUDED.billable_seconds, version = EXCLUDED.version
                WHERE b.version < EXCLUDED.version
                RETURNING 1
            ), deltas AS (
                SELECT project_id, -seconds AS seconds, -billable_seconds AS billable_seconds FROM previous
                UNION ALL
                SELECT CAST(:projectId AS bigint), CAST(:seconds AS bigint), CAST(:billableSeconds AS bigint)
            )
            UPDATE projects p SET total_seconds = p.total_seconds + d.seconds,
                   billable_seconds = p.billable_seconds + d.billable_seconds
            FROM (SELECT project_id, sum(seconds) AS seconds, sum(billable_seconds) AS billable_seconds
                  FROM deltas GROUP BY project_id) d
            WHERE p.id = d.project_id AND EXISTS (SELECT 1 FROM booked)
              AND (d.seconds <> 0 OR d.billable_seconds <> 0)""";

    private final NamedParameterJdbcTemplate jdbc;
    private final BatchedWrites writes;

    public ProjectTimeTotals(NamedParameterJdbcTemplate jdbc, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(TimeEntryCreated event, @SequenceNumber long version) {
        book(event.entryId(), event.entry(), version);
    }

    @EventHandler
    void on(TimerStopped event, @SequenceNumber long version) {
        book(event.entryId(), event.entry(), version);
    }

    @EventHandler
    void on(TimeEntryUpdated event, @SequenceNumber long version) {
        book(event.entryId(), event.entry(), version);
    }

    @EventHandler
    void on(TimeEntryDeleted event, @SequenceNumber long version) {
        book(event.entryId(), null, 0, 0, version);
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().execute("TRUNCATE project_booked_time");
    }

    private void book(long entryId, TimeEntryDetails entry, long version) {
        long seconds = entry.durationSeconds() == null ? 0 : entry.durationSeconds();
        book(entryId, entry.projectId(), seconds, entry.billable() ? seconds : 0, version);
    }

    private void book(long entryId, Long projectId, long seconds, long billableSeconds, long version) {
        writes.add(BOOK, new MapSqlParameterSource("entryId", entryId)
                .addValue("projectId", projectId)
                .addValue("seconds", seconds)
                .addValue("billableSeconds", billableSeconds)
                .addValue("version", version));
    }
}
