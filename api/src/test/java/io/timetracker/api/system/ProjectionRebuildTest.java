package io.timetracker.api.system;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebuilding every projection from the event store gives exactly the read tables we had. The read tables
 * are found in the schema, so a table a projection adds later is covered without touching this test.
 */
class ProjectionRebuildTest extends EndToEndTest {

    /** Tables that are not derived from events: the event and token store, command-side state, operational data. */
    private static final Set<String> NOT_READ_MODELS = Set.of("flyway_schema_history", "domain_event_entry",
            "snapshot_event_entry", "token_entry", "saga_entry", "association_value_entry", "dead_letter_entry",
            "unique_key", "idempotency_record", "api_token_usage");

    @Autowired
    ProjectionRebuilder rebuilder;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRebuildReproducesEveryReadTable() {
        long clientId = realisticSession();
        Map<String, List<String>> before = snapshotReadTables();
        assertThat(before).containsKeys("clients", "projects", "users", "api_tokens");
        assertThat(before.get("clients")).isNotEmpty();
        // A read table that drifted from the events is repaired by the rebuild, which proves it really ran.
        jdbc.update("UPDATE clients SET name = 'drifted' WHERE id = ?", clientId);

        rebuilder.rebuildAll(Duration.ofMinutes(2));

        Map<String, List<String>> after = snapshotReadTables();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((table, rows) -> assertThat(after.get(table)).as(table).containsExactlyElementsOf(rows));
        assertThat(admin.get("/api/v1/clients/" + clientId).body().get("client").get("name").asString())
                .isNotEqualTo("drifted");
    }

    /** What a team does on its first day: users, tokens, clients, projects, renames, archiving. */
    private long realisticSession() {
        long managerId = createUser("manager");
        ApiClient manager = admin.as(tokenFor(managerId, "read:*,write:*"));
        long clientId = createClient(unique("Rebuild client"));
        long otherClient = createClient(unique("Rebuild other"));
        long project = createProject(unique("Rebuild project"), clientId);
        succeeded(manager.post("/api/v1/projects", """
                {"name": "%s", "client_id": %d, "code": "rb-%s", "manager_id": %d, "hourly_rate": 99.5,
                 "budget_threshold_percent": 90}""".formatted(unique("Managed"), otherClient,
                unique("").strip().substring(0, 6), managerId)));
        succeeded(manager.patch("/api/v1/projects/" + project,
                "{\"description\": \"renamed\", \"name\": \"%s\"}".formatted(unique("Renamed"))));
        succeeded(manager.delete("/api/v1/projects/" + project));
        succeeded(admin.patch("/api/v1/clients/" + clientId,
                "{\"custom_fields\": {\"vat\": \"DE1\"}, \"email\": \"a@b.test\"}"));
        succeeded(admin.delete("/api/v1/clients/" + otherClient));
        succeeded(admin.patch("/api/v1/clients/" + otherClient, "{\"status\": \"active\"}"));
        succeeded(admin.patch("/api/v1/users/" + createUser("user"), "{\"is_active\": false}"));
        return clientId;
    }

    private static void succeeded(ApiClient.Response response) {
        assertThat(response.status()).as(response.raw()).isBetween(200, 299);
    }

    private Map<String, List<String>> snapshotReadTables() {
        Map<String, List<String>> snapshot = new LinkedHashMap<>();
        for (String table : jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name""",
                String.class)) {
            if (!NOT_READ_MODELS.contains(table)) {
                snapshot.put(table, jdbc.queryForList(
                        "SELECT r::text FROM \"" + table + "\" r ORDER BY 1", String.class));
            }
        }
        return snapshot;
    }
}
