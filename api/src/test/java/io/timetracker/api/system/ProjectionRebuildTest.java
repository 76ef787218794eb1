package io.timetracker.api.system;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
import io.timetracker.query.replay.ReadModels;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebuilds and checks through the admin API, as an operator runs them on a live service: a rebuild from the event
 * store gives exactly the read tables the live projections wrote (every read table, found in the schema, so a
 * table added later is covered without touching this test), repairs tables that drifted, and loses no write that
 * lands while it runs; a check reports every row in which a rebuild would differ.
 */
class ProjectionRebuildTest extends EndToEndTest {

    /** Tables not derived by a read model: the event and token store, command-side state, operational data. */
    private static final Set<String> NOT_READ_MODELS = Set.of("flyway_schema_history", "domain_event_entry",
            "snapshot_event_entry", "token_entry", "saga_entry", "association_value_entry", "dead_letter_entry",
            "unique_key", "running_timer", "time_entry_span", "client_directory", "project_directory",
            "user_directory", "task_directory", "approval_directory", "contact_directory", "primary_contact",
            "lead_directory", "idempotency_record", "api_token_usage", "read_model_state", "projection_job",
            "rate_limit_buckets");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReadModels readModels;

    @Autowired
    DataSource dataSource;

    @Test
    void everyReadTableBelongsToAReadModel() {
        Set<String> owned = new TreeSet<>();
        readModels.all().forEach(model -> owned.addAll(model.tables()));
        assertThat(owned).isEqualTo(readTables().keySet());
    }

    @Test
    void aRebuildReproducesEveryReadTableAndRepairsDrift() {
        long clientId = realisticSession();
        Map<String, List<String>> before = readTables();
        assertThat(before.get("time_entries")).isNotEmpty();
        assertThat(before.get("project_time_totals")).isNotEmpty();
        assertThat(before.get("time_entry_approvals")).isNotEmpty();
        // a replaced version: its last column (recorded_to) is set
        assertThat(before.get("report_entry_versions")).anyMatch(row -> !row.endsWith(",)"));
        assertThat(before.get("report_day_totals")).isNotEmpty();
        // a renamed project's first name was replaced: its recorded_to is set
        assertThat(before.get("report_name_versions")).anyMatch(row -> row.startsWith("(project,")
                && !row.endsWith(",)"));
        for (String type : List.of("project", "task", "client", "entry", "deal", "lead", "contact")) {
            assertThat(before.get("search_documents")).as(type).anyMatch(row -> row.startsWith("(" + type + ","));
        }
        jdbc.update("UPDATE clients SET name = 'drifted' WHERE id = ?", clientId);

        JsonNode job = runToTheEnd("/api/v1/admin/projections/rebuild", "{}");

        assertThat(job.get("state").asString()).isEqualTo("done");
        assertThat(job.get("events_done").asLong()).isPositive();
        Map<String, List<String>> after = readTables();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((table, rows) -> assertThat(after.get(table)).as(table).containsExactlyElementsOf(rows));
        assertThat(admin.get("/api/v1/clients/" + clientId).body().get("client").get("name").asString())
                .isNotEqualTo("drifted");
    }

    @Test
    void writesThatLandDuringARebuildAreInTheNewTables() throws Exception {
        realisticSession();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Long> created = new ArrayList<>();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            while (writing.get()) {
                Response client = admin.post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(unique("During")));
                assertThat(client.status()).as(client.raw()).isEqualTo(201);
                synchronized (created) {
                    created.add(client.body().get("client").get("id").asLong());
                }
            }
        });
        JsonNode job = runToTheEnd("/api/v1/admin/projections/rebuild",
                "{\"read_models\": [\"clients\", \"projects\"]}");
        writing.set(false);
        writer.get();

        assertThat(job.get("state").asString()).isEqualTo("done");
        assertThat(created).isNotEmpty();
        for (long id : created) {
            assertThat(admin.get("/api/v1/clients/" + id).status()).isEqualTo(200);
        }
        assertThat(runToTheEnd("/api/v1/admin/projections/verify", "{}").get("report").get("identical")
                .asBoolean()).isTrue();
    }

    @Test
    void aCheckReportsEveryRowARebuildWouldChange() {
        long clientId = realisticSession();
        assertThat(runToTheEnd("/api/v1/admin/projections/verify", "{\"read_models\": [\"clients\"]}")
                .get("report").get("identical").asBoolean()).isTrue();
        jdbc.update("UPDATE clients SET phone = 'tampered' WHERE id = ?", clientId);

        JsonNode report = runToTheEnd("/api/v1/admin/projections/verify", "{\"read_models\": [\"clients\"]}")
                .get("report");

        assertThat(report.get("identical").asBoolean()).isFalse();
        JsonNode clients = report.get("tables").get(0);
        assertThat(clients.get("table").asString()).isEqualTo("clients");
        assertThat(clients.get("differing_rows").asLong()).isEqualTo(2); // the live row and the rebuilt one
        assertThat(clients.get("samples").toString()).contains("tampered");
        assertThat(jdbc.queryForObject("SELECT phone FROM clients WHERE id = ?", String.class, clientId))
                .as("a check changes nothing").isEqualTo("tampered");
    }

    @Test
    void theListShowsEveryReadModelAtTheHeadOfTheStore() {
        Response list = admin.get("/api/v1/admin/projections");

        assertThat(list.status()).isEqualTo(200);
        long head = list.body().get("event_store").get("head").asLong();
        assertThat(head).isPositive();
        List<String> names = new ArrayList<>();
        list.body().get("read_models").forEach(model -> {
            names.add(model.get("name").asString());
            assertThat(model.get("position").asLong()).isEqualTo(head);
            assertThat(model.get("lag").asLong()).isZero();
            assertThat(model.get("state").asString()).isIn("live", "rebuilding", "verifying");
        });
        assertThat(names).containsAll(readModels.names());
        assertThat(list.body().get("pagination").get("total").asLong()).isEqualTo(readModels.names().size());
    }

    @Test
    void oneJobRunsAtATimeAcrossNodes() throws Exception {
        try (Connection otherNode = dataSource.getConnection(); Statement statement = otherNode.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(7270437411)");
            Response refused = admin.post("/api/v1/admin/projections/rebuild", "{}");
            statement.execute("SELECT pg_advisory_unlock(7270437411)");

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body().get("error_code").asString()).isEqualTo("conflict");
        }
    }

    @Test
    void anUnknownReadModelIsAValidationErrorAndAdministrationOnly() {
        Response unknown = admin.post("/api/v1/admin/projections/rebuild", "{\"read_models\": [\"nonsense\"]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("errors").has("read_models")).isTrue();
        assertThat(newCaller("manager", "read:*,write:*").get("/api/v1/admin/projections").status()).isEqualTo(403);
    }

    private JsonNode runToTheEnd(String path, String body) {
        Response started = admin.post(path, body);
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        String location = started.header("Location");
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            JsonNode job = admin.get(location).body().get("job");
            if (job.get("finished_at") != null && !job.get("finished_at").isNull()) {
                return job;
            }
            assertThat(System.nanoTime()).as("the job ends within two minutes").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * What a team does on its first day: users, tokens, clients, projects, tasks, time, approvals, renames,
     * archiving.
     */
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
        long task = manager.post("/api/v1/tasks", "{\"name\": \"%s\", \"project_id\": %d, \"tags\": \"a,b\"}"
                .formatted(unique("Task"), project)).body().get("task").get("id").asLong();
        long entry = manager.post("/api/v1/time-entries", """
                {"project_id": %d, "task_id": %d, "start_time": "2021-05-03T09:00:00Z",
                 "end_time": "2021-05-03T11:30:00Z", "tags": "x"}""".formatted(project, task))
                .body().get("time_entry").get("id").asLong();
        succeeded(manager.patch("/api/v1/time-entries/" + entry, "{\"billable\": false, \"notes\": \"moved\"}"));
        // half a microsecond past the second, never changed: stored alike live (one row) and replayed (many)
        succeeded(manager.post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "2021-05-04T09:00:00.0000005Z",
                 "end_time": "2021-05-04T10:00:00.0000005Z"}""".formatted(project)));
        approvals(manager, entry, project);
        long deleted = manager.post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "2021-05-06T09:00:00Z", "end_time": "2021-05-06T10:00:00Z"}"""
                .formatted(project)).body().get("time_entry").get("id").asLong();
        succeeded(manager.delete("/api/v1/time-entries/" + deleted));
        succeeded(manager.post("/api/v1/timer/start", "{\"project_id\": %d}".formatted(project)));
        succeeded(manager.post("/api/v1/timer/stop", null));
        succeeded(manager.patch("/api/v1/projects/" + project,
                "{\"description\": \"renamed\", \"name\": \"%s\"}".formatted(unique("Renamed"))));
        succeeded(manager.patch("/api/v1/tasks/" + task, "{\"status\": \"done\"}"));
        succeeded(manager.delete("/api/v1/projects/" + project));
        succeeded(admin.patch("/api/v1/clients/" + clientId,
                "{\"custom_fields\": {\"vat\": \"DE1\"}, \"email\": \"a@b.test\"}"));
        succeeded(admin.delete("/api/v1/clients/" + otherClient));
        succeeded(admin.patch("/api/v1/clients/" + otherClient, "{\"status\": \"active\"}"));
        succeeded(admin.patch("/api/v1/users/" + createUser("user"), "{\"is_active\": false}"));
        crmSession(manager, clientId);
        return clientId;
    }

    /**
     * Approvals of every kind: approved and then amended; a chain of two levels, approved and then rejected; a
     * request cancelled; one cancelled by an edit.
     */
    private void approvals(ApiClient manager, long amendedEntry, long project) {
        long adminId = admin.get("/api/v1/users/me").body().get("user").get("id").asLong();
        succeeded(admin.post("/api/v1/time-entry-approvals/%d/approve".formatted(requestApproval(manager,
                amendedEntry, "{\"comment\": \"week 18\"}")), "{\"comment\": \"fine\"}"));
        succeeded(admin.patch("/api/v1/time-entries/" + amendedEntry,
                "{\"notes\": \"amended\", \"reason\": \"typo\"}"));
        long otherManagerId = createUser("manager");
        ApiClient otherManager = admin.as(tokenFor(otherManagerId, "read:*,write:*"));
        long chained = manager.post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "2021-05-05T09:00:00Z", "end_time": "2021-05-05T10:00:00Z"}"""
                .formatted(project)).body().get("time_entry").get("id").asLong();
        long levelOne = requestApproval(manager, chained, "{\"approver_ids\": [%d, %d]}".formatted(otherManagerId,
                adminId));
        succeeded(otherManager.post("/api/v1/time-entry-approvals/%d/approve".formatted(levelOne), "{}"));
        long levelTwo = admin.get("/api/v1/time-entry-approvals?time_entry_id=" + chained).body().get("approvals")
                .get(0).get("id").asLong();
        succeeded(admin.post("/api/v1/time-entry-approvals/%d/reject".formatted(levelTwo),
                "{\"rejection_reason\": \"wrong day\"}"));
        succeeded(manager.post("/api/v1/time-entry-approvals/%d/cancel".formatted(requestApproval(manager, chained,
                "{}")), "{}"));
        requestApproval(manager, chained, "{}");
        succeeded(manager.patch("/api/v1/time-entries/" + chained, "{\"notes\": \"changed while pending\"}"));
    }

    private static long requestApproval(ApiClient requester, long entryId, String body) {
        Response requested = requester.post("/api/v1/time-entries/" + entryId + "/request-approval", body);
        succeeded(requested);
        return requested.body().get("approval").get("id").asLong();
    }

    /** Contacts changing primary, a lead converted to a client and a deal, a deal won, things deleted. */
    private void crmSession(ApiClient manager, long clientId) {
        String contacts = "/api/v1/clients/" + clientId + "/contacts";
        long first = manager.post(contacts, "{\"name\": \"Ann Lee\", \"is_primary\": true, \"tags\": \"a\"}")
                .body().get("contact").get("id").asLong();
        long second = manager.post(contacts, "{\"first_name\": \"Bo\", \"last_name\": \"Day\"}")
                .body().get("contact").get("id").asLong();
        succeeded(manager.patch("/api/v1/contacts/" + second, "{\"is_primary\": true, \"role\": \"billing\"}"));
        succeeded(manager.delete("/api/v1/contacts/" + first));
        long lead = manager.post("/api/v1/leads", """
                {"first_name": "Cy", "last_name": "Doe", "company_name": "%s", "score": 40, "estimated_value": 900.5}"""
                .formatted(unique("Lead company"))).body().get("lead").get("id").asLong();
        succeeded(manager.patch("/api/v1/leads/" + lead, "{\"status\": \"qualified\"}"));
        succeeded(manager.post("/api/v1/leads/" + lead + "/convert-to-client", null));
        succeeded(manager.post("/api/v1/leads/" + lead + "/convert-to-deal", "{\"probability\": 80}"));
        long deal = manager.post("/api/v1/deals", "{\"name\": \"Deal\", \"client_id\": %d, \"value\": 100}"
                .formatted(clientId)).body().get("deal").get("id").asLong();
        succeeded(manager.patch("/api/v1/deals/" + deal, "{\"stage\": \"closed_won\"}"));
        long dropped = manager.post("/api/v1/leads", "{\"first_name\": \"Di\", \"last_name\": \"Ray\"}")
                .body().get("lead").get("id").asLong();
        succeeded(manager.delete("/api/v1/leads/" + dropped));
        succeeded(manager.delete("/api/v1/deals/" + manager.post("/api/v1/deals", "{\"name\": \"Gone\"}")
                .body().get("deal").get("id").asLong()));
    }

    private static void succeeded(Response response) {
        assertThat(response.status()).as(response.raw()).isBetween(200, 299);
    }

    private Map<String, List<String>> readTables() {
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
