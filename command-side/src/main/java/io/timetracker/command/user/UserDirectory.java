package io.timetracker.command.user;

import io.timetracker.command.common.CommandRejectedException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Whether a user exists, is active and may approve time (an active admin or manager), from the command side's
 * {@code user_directory}, which the user's command handlers record in the transaction of their events: no request
 * replays a user's history to ask.
 */
@Component
public class UserDirectory {

    private final JdbcTemplate jdbc;

    public UserDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(long userId, boolean active, String role) {
        jdbc.update("""
                INSERT INTO user_directory (user_id, is_active, role) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET is_active = EXCLUDED.is_active, role = EXCLUDED.role""",
                userId, active, role);
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

    /** Whether the user is an active admin or manager, the roles that may approve time. */
    public boolean mayApprove(long userId) {
        return !jdbc.queryForList("SELECT 1 FROM user_directory WHERE user_id = ? AND is_active AND role IN (?, ?)",
                Integer.class, userId, Roles.ADMIN, Roles.MANAGER).isEmpty();
    }

    /** Every active admin, by id. */
    public List<Long> activeAdmins() {
        return jdbc.queryForList("SELECT user_id FROM user_directory WHERE role = ? AND is_active ORDER BY user_id",
                Long.class, Roles.ADMIN);
    }
}
