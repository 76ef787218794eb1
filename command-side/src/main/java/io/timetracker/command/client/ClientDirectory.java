package io.timetracker.command.client;

import io.timetracker.command.common.CommandRejectedException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether a client exists and is active, from the command side's {@code client_directory}, which the client's
 * command handlers record in the transaction of their events.
 */
@Component
public class ClientDirectory {

    private final JdbcTemplate jdbc;

    public ClientDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(long clientId, boolean active) {
        jdbc.update("""
                INSERT INTO client_directory (client_id, is_active) VALUES (?, ?)
                ON CONFLICT (client_id) DO UPDATE SET is_active = EXCLUDED.is_active""", clientId, active);
    }

    public void requireActive(long clientId, String field) {
        if (jdbc.queryForList("SELECT 1 FROM client_directory WHERE client_id = ? AND is_active", Integer.class,
                clientId).isEmpty()) {
            throw CommandRejectedException.invalid(field, "No active client with id " + clientId);
        }
    }
}
