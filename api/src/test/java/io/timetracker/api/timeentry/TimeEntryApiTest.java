package io.timetracker.api.timeentry;

import io.timetracker.api.support.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TimeEntryApiTest extends TimeEntryTestSupport {

    @Test
    void createReturnsTheCompletedEntryWithEveryContractField() {
        Person alice = newPerson();
        String clientName = unique("Client");
        long clientId = createClient(clientName);
        String projectName = unique("Project");
        long projectId = createProject(projectName, clientId);
        Instant start = freshDay();

        Response created = alice.api().post("/api/v1/time-entries", """
                {"project_id": "%d", "start_time": "%s", "end_time": "%s", "break_seconds": 900,
                 "notes": "Reviewed the plan", "tags": ["review", " planning "], "invoice_number": "INV-7",
                 "mood": "good"}""".formatted(projectId, start, start.plus(2, ChronoUnit.HOURS)));

        long id = created(created);
        assertThat(created.body().get("message").asString()).isEqualTo("Time entry created successfully");
        assertThat(created.header("Location")).isEqualTo("/api/v1/time-entries/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.header("X-Ignored-Fields")).isEqualTo("mood");
        JsonNode entry = created.body().get("time_entry");
        assertThat(entry.get("user_id").asLong()).isEqualTo(alice.id());
        assertThat(entry.get("project_id").asLong()).isEqualTo(projectId);
        assertThat(entry.get("client_id").asLong()).isEqualTo(clientId);
        assertThat(entry.get("task_id").isNull()).isTrue();
        assertThat(Instant.parse(entry.get("start_time").asString())).isEqualTo(start);
        assertThat(entry.get("start_time").asString()).endsWith("Z");
        assertThat(Instant.parse(entry.get("end_time").asString())).isEqualTo(start.plus(2, ChronoUnit.HOURS));
        assertThat(entry.get("paused_at").isNull()).isTrue();
        assertThat(entry.get("break_seconds").asLong()).isEqualTo(900);
        assertThat(entry.get("duration_seconds").asLong()).isEqualTo(7200 - 900);
        assertThat(entry.get("duration_hours").asDouble()).isEqualTo(1.75);
        assertThat(entry.get("duration_formatted").asString()).isEqualTo("01:45:00");
        assertThat(entry.get("notes").asString()).isEqualTo("Reviewed the plan");
        assertThat(entry.get("tags").asString()).isEqualTo("review,planning");
        assertThat(entry.get("tag_list").valueStream().map(JsonNode::asString)).containsExactly("review", "planning");
        assertThat(entry.get("source").asString()).isEqualTo("manual");
        assertThat(entry.get("billable").asBoolean()).isTrue();
        assertThat(entry.get("paid").asBoolean()).isFalse();
        assertThat(entry.get("invoice_number").asString()).isEqualTo("INV-7");
        assertThat(entry.get("is_active").asBoolean()).isFalse();
        assertThat(entry.get("approval_status").asString()).isEqualTo("none");
        assertThat(entry.get("is_locked").asBoolean()).isFalse();
        assertThat(entry.get("project").asString()).isEqualTo(projectName);
        assertThat(entry.get("client").asString()).isEqualTo(clientName);
        assertThat(entry.get("user").asString()).startsWith("user-");
        assertThat(entry.has("task")).isTrue();
        assertThat(entry.get("created_at").isNull()).isFalse();
        assertThat(entry.get("updated_at").isNull()).isFalse();

        Response fetched = alice.api().get("/api/v1/time-entries/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.header("ETag")).isEqualTo("\"0\"");
        assertThat(fetched.body().get("time_entry")).isEqualTo(entry);
    }
}
