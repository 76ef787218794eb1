package io.timetracker.command.lead;

import io.timetracker.command.common.CommandRejectedException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which leads exist, from the command side's {@code lead_directory}, written in the transaction of the lead's
 * events; deals check their lead with it.
 */
@Component
public class LeadDirectory {

    private final JdbcTemplate jdbc;

    public LeadDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(long leadId, boolean deleted) {
        jdbc.update("""
                INSERT INTO lead_directory (lead_id, is_deleted) VALUES (?, ?)
                ON CONFLICT (lead_id) DO UPDATE SET is_deleted = EXCLUDED.is_deleted""", leadId, deleted);
    }

    public void requireExists(long leadId, String field) {
        if (jdbc.queryForList("SELECT 1 FROM lead_directory WHERE lead_id = ? AND NOT is_deleted", Integer.class,
                leadId).isEmpty()) {
            throw CommandRejectedException.invalid(field, "No lead with id " + leadId);
        }
    }
}
