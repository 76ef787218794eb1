package io.timetracker.command.contact;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each client's primary contact, in the command side's {@code primary_contact} table, written in the transaction
 * of the contact's events. Its row per client is the lock that makes "at most one primary contact" hold under
 * concurrent writes on any number of nodes.
 */
@Component
public class PrimaryContacts {

    private final JdbcTemplate jdbc;

    public PrimaryContacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the client's row until the transaction ends and answers its primary contact (null: none). The row is
     * made first if missing, so that two first writers wait for each other too.
     */
    Long lock(long clientId) {
        jdbc.update("INSERT INTO primary_contact (client_id) VALUES (?) ON CONFLICT DO NOTHING", clientId);
        return jdbc.queryForObject("SELECT contact_id FROM primary_contact WHERE client_id = ? FOR UPDATE",
                Long.class, clientId);
    }

    void record(long clientId, Long contactId) {
        jdbc.update("UPDATE primary_contact SET contact_id = ? WHERE client_id = ?", contactId, clientId);
    }
}
