package io.timetracker.command.user;

import io.timetracker.command.common.CommandRejectedException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether a user exists and is active, from the command side's {@code user_directory}, which the user's command
 * handlers record in the transaction of their events: no request replays a user's history to ask.
 */
@Component
public class UserDirectory {

    private final JdbcTemplate jdbc;

    public UserDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(long userId, boolean active) {
        jdbc.update("""
                INSERT INTO user_directory (user_id, is_active) VALUES (?, ?)
                ON CONFLICT (user_id) DO UPDATE SET is_active = EXCLUDED.is_active""", userId, active);
    }

    public void requireActive(long userId, String field) {
        if (!isActive(userId)) {
            throw CommandRejectedException.invalid(field, "No active user with id " + userId);
        }
    }

    public boolean isActive(long userId) {
        return !jdbc.queryForList("SELECT 1 FROM user_directory WHERE user_id = ? AND is_active", Integer.class,
                userId).isEmpty();
    }
}
