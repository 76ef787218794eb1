package io.timetracker.api.audit;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract §9: {@code /<resource>/{id}/history} shows the audit log's rows of one resource, oldest first, to whoever
 * may read that resource; a deleted one's to administrators only.
 */
class ResourceHistoryApiTest extends EndToEndTest {

    @Test
    void aProjectsHistoryIsItsAuditRowsOldestFirstForEveryReaderOfProjects() {
        long projectId = createProject(unique("History"), createClient(unique("History")));
        assertThat(admin.patch("/api/v1/projects/" + projectId, "{\"code\": \"hist\", \"reason\": \"tidy\"}")
                .status()).isEqualTo(200);
        assertThat(admin.delete("/api/v1/projects/" + projectId).status()).isEqualTo(200);
        ApiClient reader = newCaller("user", "read:projects");

        Response response = reader.get("/api/v1/projects/" + projectId + "/history");

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        JsonNode history = response.body().get("history");
        assertThat(actions(history)).containsExactly("created", "updated", "status_changed");
        assertThat(history.get(1).get("reason").asString()).isEqualTo("tidy");
        assertThat(history.get(1).get("changes").get("code").get("to").asString()).isEqualTo("HIST");
        assertThat(history.get(2).get("changes").get("status").get("to").asString()).isEqualTo("archived");
        assertThat(history.get(0).get("entity_type").asString()).isEqualTo("project");
        assertThat(response.body().get("pagination").get("total").asLong()).isEqualTo(3);
        JsonNode audit = admin.get("/api/v1/audit-logs?entity_type=project&entity_id=" + projectId).body()
                .get("audit_logs");
        assertThat(history.get(0).toString()).as("the same rows as the audit log").isEqualTo(audit.get(2).toString());

        JsonNode page = reader.get("/api/v1/projects/" + projectId + "/history?per_page=1&page=3").body();
        assertThat(actions(page.get("history"))).containsExactly("status_changed");
        assertThat(page.get("pagination").get("has_prev").asBoolean()).isTrue();
        assertThat(page.get("pagination").get("has_next").asBoolean()).isFalse();
        assertNotFound(reader.get("/api/v1/projects/999999999/history"));
        assertThat(newCaller("user", "read:clients").get("/api/v1/projects/" + projectId + "/history").status())
                .isEqualTo(403);
    }

    @Test
    void aClientsHistoryShowsEachChangeFieldByField() {
        long clientId = createClient(unique("Client history"));
        assertThat(admin.patch("/api/v1/clients/" + clientId,
                "{\"email\": \"a@b.test\", \"custom_fields\": {\"vat\": \"DE1\"}}").status()).isEqualTo(200);
        assertThat(admin.delete("/api/v1/clients/" + clientId).status()).isEqualTo(200);

        JsonNode history = newCaller("user", "read:clients").get("/api/v1/clients/" + clientId + "/history")
                .body().get("history");

        assertThat(actions(history)).containsExactly("created", "updated", "archived");
        assertThat(history.get(1).get("changes").propertyNames()).containsExactlyInAnyOrder("email", "custom_fields");
        assertThat(history.get(1).get("changes").get("custom_fields").get("to").get("vat").asString())
                .isEqualTo("DE1");
        assertThat(history.get(2).get("changes").get("is_active").get("from").asBoolean()).isTrue();
        assertThat(history.get(2).get("changes").get("is_active").get("to").asBoolean()).isFalse();
    }

    @Test
    void aDeletedTasksHistoryIsForAdministratorsOnly() {
        ApiClient member = newCaller("user", "read:*,write:*");
        long projectId = createProject(unique("Tasks"), createClient(unique("Tasks")));
        long taskId = member.post("/api/v1/tasks", "{\"name\": \"write it\", \"project_id\": %d}".formatted(projectId))
                .body().get("task").get("id").asLong();
        assertThat(member.patch("/api/v1/tasks/" + taskId, "{\"status\": \"done\"}").status()).isEqualTo(200);
        assertThat(actions(member.get("/api/v1/tasks/" + taskId + "/history").body().get("history")))
                .containsExactly("created", "updated");

        assertThat(member.delete("/api/v1/tasks/" + taskId).status()).isEqualTo(200);

        assertNotFound(member.get("/api/v1/tasks/" + taskId + "/history"));
        JsonNode history = admin.get("/api/v1/tasks/" + taskId + "/history").body().get("history");
        assertThat(actions(history)).containsExactly("created", "updated", "deleted");
        assertThat(history.get(2).get("changes").get("status").get("from").asString()).isEqualTo("done");
        assertThat(history.get(2).get("changes").get("status").get("to").isNull()).isTrue();
    }

    @Test
    void aTimeEntrysHistoryShowsTheTimerAsItRan() {
        ApiClient user = newCaller("user", "read:*,write:*");
        long projectId = createProject(unique("Timer"), createClient(unique("Timer")));
        long entryId = user.post("/api/v1/timer/start", "{\"project_id\": %d}".formatted(projectId)).body()
                .get("timer").get("id").asLong();
        assertThat(user.post("/api/v1/timer/pause", null).status()).isEqualTo(200);
        assertThat(user.post("/api/v1/timer/resume", null).status()).isEqualTo(200);
        assertThat(user.post("/api/v1/timer/stop", null).status()).isEqualTo(200);

        JsonNode history = user.get("/api/v1/time-entries/" + entryId + "/history").body().get("history");

        assertThat(actions(history)).containsExactly("created", "timer_paused", "timer_resumed", "timer_stopped");
        assertThat(history.get(1).get("changes").get("paused_at").get("from").isNull()).isTrue();
        assertThat(history.get(1).get("changes").get("paused_at").get("to").asString()).endsWith("Z");
        assertThat(history.get(2).get("changes").get("paused_at").get("to").isNull()).isTrue();
        assertThat(history.get(3).get("changes").get("end_time").get("from").isNull()).isTrue();
        assertThat(history.get(3).get("changes").has("end_time")).isTrue();
        assertNotFound(newCaller("user", "read:*").get("/api/v1/time-entries/" + entryId + "/history"));
    }

    private static List<String> actions(JsonNode rows) {
        return rows.valueStream().map(row -> row.get("action").asString()).toList();
    }

    private static void assertNotFound(Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(404);
        assertThat(response.body().get("error_code").asString()).isEqualTo("not_found");
    }
}
