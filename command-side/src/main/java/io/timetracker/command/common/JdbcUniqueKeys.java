package io.timetracker.command.common;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link UniqueKeys} on the {@code unique_key} table. The insert joins the command's transaction: a racing
 * insert of the same key waits for the first transaction and then sees the conflict.
 */
@Component
public class JdbcUniqueKeys implements UniqueKeys {

    private final JdbcTemplate jdbc;

    public JdbcUniqueKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(String scope, String key, String owner, String messageIfTaken) {
        int inserted = jdbc.update(
                "INSERT INTO unique_key (scope, key, owner) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                scope, key, owner);
        if (inserted == 0) {
            String holder = jdbc.queryForObject(
                    "SELECT owner FROM unique_key WHERE scope = ? AND key = ?", String.class, scope, key);
            if (!owner.equals(holder)) {
                throw CommandRejectedException.conflict(messageIfTaken);
            }
        }
    }

    @Override
    public void release(String scope, String key, String owner) {
        jdbc.update("DELETE FROM unique_key WHERE scope = ? AND key = ? AND owner = ?", scope, key, owner);
    }
}
