package io.timetracker.command.contact;

import io.timetracker.command.common.CommandRejectedException;
import io.timetracker.command.common.Rejection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Which client a contact belongs to and whether it is active, from the command side's {@code contact_directory},
 * written in the transaction of the contact's events: deals check their contact with it, and the contact's own
 * commands find the client whose primary-contact row they lock.
 */
@Component
public class ContactDirectory {

    private final JdbcTemplate jdbc;

    public ContactDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(long contactId, long clientId, boolean active) {
        jdbc.update("""
                INSERT INTO contact_directory (contact_id, client_id, is_active) VALUES (?, ?, ?)
                ON CONFLICT (contact_id) DO UPDATE SET is_active = EXCLUDED.is_active""", contactId, clientId, active);
    }

    long requireClientOf(long contactId) {
        List<Long> client = jdbc.queryForList("SELECT client_id FROM contact_directory WHERE contact_id = ?",
                Long.class, contactId);
        if (client.isEmpty()) {
            throw new CommandRejectedException(Rejection.NOT_FOUND, "Contact not found");
        }
        return client.get(0);
    }

    /** The contact exists, is active, and (when {@code clientId} is given) belongs to that client. */
    public void requireActive(long contactId, Long clientId, String field) {
        List<Long> client = jdbc.queryForList(
                "SELECT client_id FROM contact_directory WHERE contact_id = ? AND is_active", Long.class, contactId);
        if (client.isEmpty()) {
            throw CommandRejectedException.invalid(field, "No active contact with id " + contactId);
        }
        if (clientId != null && client.get(0) != clientId.longValue()) {
            throw CommandRejectedException.invalid(field,
                    "Contact " + contactId + " does not belong to client " + clientId);
        }
    }
}
