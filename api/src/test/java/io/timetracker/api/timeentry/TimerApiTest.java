package io.timetracker.api.timeentry;

import io.timetracker.api.support.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TimerApiTest extends TimeEntryTestSupport {

    @Test
    void startPauseResumeStopWalksTheTimerThroughItsStates() {
        Person pia = newPerson();
        long projectId = newProject();

        Response started = pia.api().post("/api/v1/timer/start",
                "{\"project_id\": %d, \"notes\": \"deep work\"}".formatted(projectId));
        assertThat(started.status()).as(started.raw()).isEqualTo(201);
        assertThat(started.body().get("message").asString()).isEqualTo("Timer started");
        JsonNode timer = started.body().get("timer");
        long id = timer.get("id").asLong();
        assertThat(started.header("Location")).isEqualTo("/api/v1/time-entries/" + id);
        assertThat(timer.get("is_active").asBoolean()).isTrue();
        assertThat(timer.get("source").asString()).isEqualTo("timer");
        assertThat(timer.get("notes").asString()).isEqualTo("deep work");
        assertThat(timer.get("end_time").isNull()).isTrue();
        assertThat(timer.get("paused_at").isNull()).isTrue();

        Response status = pia.api().get("/api/v1/timer/status");
        assertThat(status.body().get("active").asBoolean()).isTrue();
        assertThat(status.body().get("timer").get("id").asLong()).isEqualTo(id);

        Response paused = pia.api().post("/api/v1/timer/pause", null);
        assertThat(paused.status()).as(paused.raw()).isEqualTo(200);
        assertThat(paused.body().get("message").asString()).isEqualTo("Timer paused");
        assertThat(paused.body().get("time_entry").get("paused_at").isNull()).isFalse();
        assertError(pia.api().post("/api/v1/timer/pause", null), 400, "invalid_state");

        Response resumed = pia.api().post("/api/v1/timer/resume", null);
        assertThat(resumed.status()).as(resumed.raw()).isEqualTo(200);
        assertThat(resumed.body().get("message").asString()).isEqualTo("Timer resumed");
        assertThat(resumed.body().get("time_entry").get("paused_at").isNull()).isTrue();
        assertError(pia.api().post("/api/v1/timer/resume", null), 400, "invalid_state");

        Response stopped = pia.api().post("/api/v1/timer/stop", null);
        assertThat(stopped.status()).as(stopped.raw()).isEqualTo(200);
        assertThat(stopped.body().get("message").asString()).isEqualTo("Timer stopped");
        JsonNode entry = stopped.body().get("time_entry");
        assertThat(entry.get("id").asLong()).isEqualTo(id);
        assertThat(entry.get("is_active").asBoolean()).isFalse();
        assertThat(Instant.parse(entry.get("end_time").asString()))
                .isAfter(Instant.parse(entry.get("start_time").asString()));

        Response idle = pia.api().get("/api/v1/timer/status");
        assertThat(idle.body().get("active").asBoolean()).isFalse();
        assertThat(idle.body().get("timer").isNull()).isTrue();
        assertError(pia.api().post("/api/v1/timer/stop", null), 400, "no_active_timer");
        assertError(pia.api().post("/api/v1/timer/pause", null), 400, "no_active_timer");
        assertError(pia.api().post("/api/v1/timer/resume", null), 400, "no_active_timer");
    }

    @Test
    void bodylessStopWorksWithAndWithoutJsonContentType() {
        Person quinn = newPerson();
        long projectId = newProject();

        assertThat(quinn.api().post("/api/v1/timer/start", "{\"project_id\": %d}".formatted(projectId)).status())
                .isEqualTo(201);
        Response withJsonType = quinn.api().withHeader("Content-Type", "application/json")
                .send("POST", "/api/v1/timer/stop", null);
        assertThat(withJsonType.status()).as(withJsonType.raw()).isEqualTo(200);

        assertThat(quinn.api().post("/api/v1/timer/start", "{\"project_id\": %d}".formatted(projectId)).status())
                .isEqualTo(201);
        Response withoutType = quinn.api().send("POST", "/api/v1/timer/stop", null);
        assertThat(withoutType.status()).as(withoutType.raw()).isEqualTo(200);
    }

    @Test
    void aSecondTimerIsRefusedAndTheFirstKeepsRunning() {
        Person rita = newPerson();
        long projectId = newProject();
        long first = rita.api().post("/api/v1/timer/start", "{\"project_id\": %d}".formatted(projectId))
                .body().get("timer").get("id").asLong();

        assertError(rita.api().post("/api/v1/timer/start", "{\"project_id\": %d}".formatted(projectId)),
                409, "timer_already_running");
        assertThat(rita.api().get("/api/v1/timer/status").body().get("timer").get("id").asLong()).isEqualTo(first);
        rita.api().post("/api/v1/timer/stop", null);
    }

    @Test
    void startNeedsAnActiveProject() {
        Person sam = newPerson();
        long archived = newProject();
        admin.delete("/api/v1/projects/" + archived);

        Response missing = sam.api().sendingInvalidInput().post("/api/v1/timer/start", "{}");
        assertError(missing, 400, "validation_error");
        assertThat(missing.body().get("errors").has("project_id")).isTrue();
        Response onArchived = sam.api().sendingInvalidInput().post("/api/v1/timer/start",
                "{\"project_id\": %d}".formatted(archived));
        assertError(onArchived, 400, "validation_error");
        assertThat(onArchived.body().get("errors").has("project_id")).isTrue();
        assertThat(sam.api().get("/api/v1/timer/status").body().get("active").asBoolean()).isFalse();
    }

    @Test
    void eachUserHasTheirOwnTimer() {
        Person tom = newPerson();
        Person uma = newPerson();
        long projectId = newProject();
        tom.api().post("/api/v1/timer/start", "{\"project_id\": %d}".formatted(projectId));

        assertThat(uma.api().get("/api/v1/timer/status").body().get("active").asBoolean()).isFalse();
        assertError(uma.api().post("/api/v1/timer/stop", null), 400, "no_active_timer");
        assertThat(uma.api().post("/api/v1/timer/start", "{\"project_id\": %d}".formatted(projectId)).status())
                .isEqualTo(201);
        assertThat(tom.api().get("/api/v1/timer/status").body().get("active").asBoolean()).isTrue();
    }

    @Test
    void aRunningTimerOccupiesTheTimeFromItsStartOn() {
        Person vera = newPerson();
        long projectId = newProject();
        Instant start = freshDay();
        created(vera.api().post("/api/v1/time-entries",
                "{\"project_id\": %d, \"start_time\": \"%s\"}".formatted(projectId, start)));

        assertError(vera.api().post("/api/v1/time-entries",
                entry(projectId, start.plusSeconds(86400), start.plusSeconds(90000))), 409, "conflict");
        created(vera.api().post("/api/v1/time-entries", entry(projectId, start.minusSeconds(3600), start)));
    }
}
