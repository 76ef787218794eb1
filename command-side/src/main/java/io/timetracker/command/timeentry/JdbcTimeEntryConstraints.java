package io.timetracker.command.timeentry;

import io.timetracker.command.common.CommandRejectedException;
import io.timetracker.command.common.Rejection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * {@link TimeEntryConstraints} on two command-side tables: {@code running_timer} (primary key user_id) and
 * {@code time_entry_span} (an exclusion constraint: per user, no two spans overlap). Inserts use
 * {@code ON CONFLICT DO NOTHING}, which waits for a racing transaction holding a conflicting row and then reports
 * the conflict as "nothing inserted", so the transaction stays usable and the loser gets a clean rejection.
 * With {@code timetracker.time-entries.allow-overlap=true} no spans are recorded at all.
 */
@Component
public class JdbcTimeEntryConstraints implements TimeEntryConstraints {

    private final JdbcTemplate jdbc;
    private final RunningTimers runningTimers;
    private final boolean allowOverlap;

    public JdbcTimeEntryConstraints(JdbcTemplate jdbc, RunningTimers runningTimers,
                                    @Value("${timetracker.time-entries.allow-overlap:false}") boolean allowOverlap) {
        this.jdbc = jdbc;
        this.runningTimers = runningTimers;
        this.allowOverlap = allowOverlap;
    }

    @Override
    public void claimRunningTimer(long userId, long entryId) {
        int inserted = jdbc.update(
                "INSERT INTO running_timer (user_id, entry_id) VALUES (?, ?) ON CONFLICT DO NOTHING", userId, entryId);
        if (inserted == 0 && !Long.valueOf(entryId).equals(runningTimers.entryOf(userId))) {
            throw new CommandRejectedException(Rejection.TIMER_ALREADY_RUNNING,
                    "A timer is already running; stop it first");
        }
    }

    @Override
    public void releaseRunningTimer(long userId, long entryId) {
        jdbc.update("DELETE FROM running_timer WHERE user_id = ? AND entry_id = ?", userId, entryId);
    }

    @Override
    public void occupy(long userId, long entryId, Instant start, Instant end) {
        if (allowOverlap) {
            return;
        }
        int inserted = jdbc.update("""
                INSERT INTO time_entry_span (entry_id, user_id, span) VALUES (?, ?, tstzrange(?, ?, '[)'))
                ON CONFLICT DO NOTHING""", entryId, userId, Timestamp.from(start),
                end == null ? null : Timestamp.from(end));
        if (inserted == 0) {
            throw CommandRejectedException.conflict(end == null
                    ? "The timer would overlap another of the user's time entries"
                    : "The entry overlaps another of the user's time entries");
        }
    }

    @Override
    public void move(long userId, long entryId, Instant start, Instant end) {
        vacate(entryId);
        occupy(userId, entryId, start, end);
    }

    @Override
    public void vacate(long entryId) {
        jdbc.update("DELETE FROM time_entry_span WHERE entry_id = ?", entryId);
    }
}
