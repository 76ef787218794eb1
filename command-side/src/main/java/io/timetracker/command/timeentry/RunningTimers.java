package io.timetracker.command.timeentry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which entry is a user's running timer, from the command side's own {@code running_timer} table (the timer
 * endpoints address "the caller's timer", and the command must target one entry).
 */
@Component
public class RunningTimers {

    private final JdbcTemplate jdbc;

    public RunningTimers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The entry id of the user's running timer, or null. */
    public Long entryOf(long userId) {
        return jdbc.query("SELECT entry_id FROM running_timer WHERE user_id = ?",
                rs -> rs.next() ? rs.getLong(1) : null, userId);
    }
}
