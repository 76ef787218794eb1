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

        Response created = alice.api().sendingInvalidInput().post("/api/v1/time-entries", """
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

    @Test
    void anEntryWithoutEndTimeIsARunningTimerUnderTheOneTimerRule() {
        Person bob = newPerson();
        long projectId = newProject();
        Instant start = freshDay();

        Response running = bob.api().post("/api/v1/time-entries",
                "{\"project_id\": %d, \"start_time\": \"%s\", \"end_time\": null}".formatted(projectId, start));

        created(running);
        JsonNode entry = running.body().get("time_entry");
        assertThat(entry.get("is_active").asBoolean()).isTrue();
        assertThat(entry.get("end_time").isNull()).isTrue();
        assertThat(bob.api().get("/api/v1/timer/status").body().get("timer").get("id").asLong())
                .isEqualTo(entry.get("id").asLong());
        assertError(bob.api().post("/api/v1/time-entries",
                "{\"project_id\": %d, \"start_time\": \"%s\"}".formatted(projectId, start.minusSeconds(7200))),
                409, "timer_already_running");
    }

    @Test
    void invalidEntriesAreRefusedNamingTheField() {
        Person carol = newPerson();
        long projectId = newProject();
        Instant start = freshDay();

        assertField(carol.api().sendingInvalidInput().post("/api/v1/time-entries",
                entry(projectId, start, start)), "end_time");
        assertField(carol.api().sendingInvalidInput().post("/api/v1/time-entries",
                entry(projectId, start, start.minusSeconds(60))),
                "end_time");
        assertField(carol.api().sendingInvalidInput().post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "%s", "end_time": "%s", "break_seconds": 3600}"""
                .formatted(projectId, start, start.plusSeconds(3600))), "break_seconds");
        assertField(carol.api().sendingInvalidInput().post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "%s", "end_time": "%s", "break_seconds": -1}"""
                .formatted(projectId, start, start.plusSeconds(3600))), "break_seconds");
        assertField(carol.api().sendingInvalidInput().post("/api/v1/time-entries", """
                {"start_time": "%s", "end_time": "%s"}""".formatted(start, start.plusSeconds(60))), "project_id");
        assertField(carol.api().sendingInvalidInput().post("/api/v1/time-entries", """
                {"project_id": %d, "end_time": "%s"}""".formatted(projectId, start)), "start_time");
        assertField(carol.api().sendingInvalidInput().post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "yesterday"}""".formatted(projectId)), "start_time");
        assertField(carol.api().sendingInvalidInput().post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "%s", "end_time": "%s", "notes": "%s"}"""
                .formatted(projectId, start, start.plusSeconds(60), "n".repeat(5001))), "notes");
        assertField(carol.api().sendingInvalidInput().post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "%s", "end_time": "%s", "tags": "%s"}"""
                .formatted(projectId, start, start.plusSeconds(60), "t".repeat(501))), "tags");
        assertField(carol.api().sendingInvalidInput().post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "%s", "end_time": "%s", "task_id": 987654321}"""
                .formatted(projectId, start, start.plusSeconds(60))), "task_id");
        assertField(carol.api().sendingInvalidInput().post("/api/v1/time-entries",
                entry(987654321, start, start.plusSeconds(60))),
                "project_id");
    }

    @Test
    void entriesGoOnActiveProjectsOnlyAndNeverMoveToAnArchivedOne() {
        Person dave = newPerson();
        long activeProject = newProject();
        long archivedProject = newProject();
        assertThat(admin.delete("/api/v1/projects/" + archivedProject).status()).isEqualTo(200);
        Instant start = freshDay();

        assertField(dave.api().post("/api/v1/time-entries", entry(archivedProject, start, start.plusSeconds(600))),
                "project_id");
        long id = created(dave.api().post("/api/v1/time-entries", entry(activeProject, start, start.plusSeconds(600))));
        assertField(dave.api().patch("/api/v1/time-entries/" + id, "{\"project_id\": %d}".formatted(archivedProject)),
                "project_id");
    }

    @Test
    void anEntryWithOnlyAClientHasNoProject() {
        Person erin = newPerson();
        long clientId = createClient(unique("Client"));
        Instant start = freshDay();

        Response created = erin.api().post("/api/v1/time-entries", """
                {"client_id": %d, "start_time": "%s", "end_time": "%s", "billable": false}"""
                .formatted(clientId, start, start.plusSeconds(1800)));

        created(created);
        JsonNode entry = created.body().get("time_entry");
        assertThat(entry.get("project_id").isNull()).isTrue();
        assertThat(entry.get("client_id").asLong()).isEqualTo(clientId);
        assertThat(entry.get("billable").asBoolean()).isFalse();
    }

    @Test
    void onlyAdminsRecordTimeForOthersAndOnlyForActiveUsers() {
        Person frank = newPerson();
        Person grace = newPerson();
        long projectId = newProject();
        Instant start = freshDay();
        String forGrace = """
                {"project_id": %d, "start_time": "%s", "end_time": "%s", "user_id": %d}"""
                .formatted(projectId, start, start.plusSeconds(600), grace.id());

        assertError(frank.api().post("/api/v1/time-entries", forGrace), 403, "forbidden");
        Response byAdmin = admin.post("/api/v1/time-entries", forGrace);
        created(byAdmin);
        assertThat(byAdmin.body().get("time_entry").get("user_id").asLong()).isEqualTo(grace.id());
        assertThat(grace.api().get("/api/v1/time-entries/" + byAdmin.body().get("time_entry").get("id").asLong())
                .status()).isEqualTo(200);

        long inactive = createUser("user");
        assertThat(admin.patch("/api/v1/users/" + inactive, "{\"is_active\": false}").status()).isEqualTo(200);
        assertError(admin.post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "%s", "end_time": "%s", "user_id": %d}"""
                .formatted(projectId, start, start.plusSeconds(600), inactive)), 403, "forbidden");
    }

    @Test
    void aUsersEntriesNeverOverlapButMayTouch() {
        Person hank = newPerson();
        Person ivy = newPerson();
        long projectId = newProject();
        Instant start = freshDay();
        created(hank.api().post("/api/v1/time-entries", entry(projectId, start, start.plusSeconds(3600))));

        assertError(hank.api().post("/api/v1/time-entries",
                entry(projectId, start.plusSeconds(1800), start.plusSeconds(5400))), 409, "conflict");
        created(hank.api().post("/api/v1/time-entries", entry(projectId, start.plusSeconds(3600), start.plusSeconds(7200))));
        created(ivy.api().post("/api/v1/time-entries", entry(projectId, start, start.plusSeconds(3600))));
    }

    @Test
    void ownersAndAdminsSeeAnEntryOthersGet404AndNeverItsData() {
        Person owner = newPerson();
        Person stranger = newPerson();
        long projectId = newProject();
        Instant start = freshDay();
        long id = created(owner.api().post("/api/v1/time-entries", entry(projectId, start, start.plusSeconds(600))));

        for (Response response : java.util.List.of(
                stranger.api().get("/api/v1/time-entries/" + id),
                stranger.api().patch("/api/v1/time-entries/" + id, "{\"notes\": \"mine now\"}"),
                stranger.api().put("/api/v1/time-entries/" + id, "{\"notes\": \"mine now\"}"),
                stranger.api().delete("/api/v1/time-entries/" + id),
                stranger.api().get("/api/v1/time-entries/" + id + "/history"))) {
            assertError(response, 404, "not_found");
            assertThat(response.body().propertyNames())
                    .containsExactlyInAnyOrder("error", "message", "error_code", "request_id");
        }
        assertThat(admin.get("/api/v1/time-entries/" + id).status()).isEqualTo(200);
        assertThat(admin.patch("/api/v1/time-entries/" + id, "{\"notes\": \"checked\"}").status()).isEqualTo(200);
        assertThat(owner.api().get("/api/v1/time-entries/" + id).body().get("time_entry").get("notes").asString())
                .isEqualTo("checked");
    }

    @Test
    void putAndPatchChangeOnlyTheGivenFieldsAndRecomputeTheDuration() {
        Person jane = newPerson();
        long projectId = newProject();
        Instant start = freshDay();
        long id = created(jane.api().post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "%s", "end_time": "%s", "notes": "draft", "tags": "a,b"}"""
                .formatted(projectId, start, start.plusSeconds(3600))));

        Response patched = jane.api().patch("/api/v1/time-entries/" + id,
                "{\"end_time\": \"%s\", \"break_seconds\": 600}".formatted(start.plusSeconds(7200)));
        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        assertThat(patched.body().get("message").asString()).isEqualTo("Time entry updated successfully");
        assertThat(patched.header("ETag")).isEqualTo("\"1\"");
        JsonNode entry = patched.body().get("time_entry");
        assertThat(entry.get("duration_seconds").asLong()).isEqualTo(7200 - 600);
        assertThat(entry.get("notes").asString()).isEqualTo("draft");
        assertThat(entry.get("tags").asString()).isEqualTo("a,b");

        Response put = jane.api().put("/api/v1/time-entries/" + id, "{\"notes\": null, \"paid\": true}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body().get("time_entry").get("notes").isNull()).isTrue();
        assertThat(put.body().get("time_entry").get("paid").asBoolean()).isTrue();
        assertThat(put.body().get("time_entry").get("duration_seconds").asLong()).isEqualTo(7200 - 600);
    }

    @Test
    void staleIfMatchOrIfUpdatedAtIsAConflict() {
        Person kate = newPerson();
        long projectId = newProject();
        Instant start = freshDay();
        Response created = kate.api().post("/api/v1/time-entries", entry(projectId, start, start.plusSeconds(600)));
        long id = created(created);
        String firstUpdatedAt = created.body().get("time_entry").get("updated_at").asString();
        assertThat(kate.api().patch("/api/v1/time-entries/" + id, "{\"notes\": \"one\"}").status()).isEqualTo(200);

        assertError(kate.api().withHeader("If-Match", "\"0\"").patch("/api/v1/time-entries/" + id,
                "{\"notes\": \"two\"}"), 409, "conflict");
        assertError(kate.api().patch("/api/v1/time-entries/" + id,
                "{\"notes\": \"two\", \"if_updated_at\": \"%s\"}".formatted(firstUpdatedAt)), 409, "conflict");
        assertError(kate.api().withHeader("If-Match", "\"0\"").delete("/api/v1/time-entries/" + id), 409, "conflict");

        String current = kate.api().get("/api/v1/time-entries/" + id).body().get("time_entry").get("updated_at")
                .asString();
        Response fresh = kate.api().withHeader("If-Match", "\"1\"").patch("/api/v1/time-entries/" + id,
                "{\"notes\": \"two\", \"if_updated_at\": \"%s\"}".formatted(current));
        assertThat(fresh.status()).as(fresh.raw()).isEqualTo(200);
    }

    @Test
    void aRunningEntryCannotBeEndedByAnUpdateNorDeleted() {
        Person liam = newPerson();
        long projectId = newProject();
        Instant start = freshDay();
        long id = created(liam.api().post("/api/v1/time-entries",
                "{\"project_id\": %d, \"start_time\": \"%s\"}".formatted(projectId, start)));

        assertError(liam.api().patch("/api/v1/time-entries/" + id,
                "{\"end_time\": \"%s\"}".formatted(start.plusSeconds(600))), 400, "invalid_state");
        assertError(liam.api().delete("/api/v1/time-entries/" + id), 400, "invalid_state");
        Response renoted = liam.api().patch("/api/v1/time-entries/" + id, "{\"notes\": \"still running\"}");
        assertThat(renoted.status()).isEqualTo(200);
        assertThat(renoted.body().get("time_entry").get("is_active").asBoolean()).isTrue();
    }

    @Test
    void deleteRemovesTheEntryAndKeepsItsHistoryForAdmins() {
        Person mia = newPerson();
        long projectId = newProject();
        Instant start = freshDay();
        long id = created(mia.api().post("/api/v1/time-entries", entry(projectId, start, start.plusSeconds(600))));

        Response deleted = mia.api().send("DELETE", "/api/v1/time-entries/" + id, "{\"reason\": \"duplicate\"}");

        assertThat(deleted.status()).as(deleted.raw()).isEqualTo(200);
        assertThat(deleted.body().get("message").asString()).isEqualTo("Time entry deleted successfully");
        assertError(mia.api().get("/api/v1/time-entries/" + id), 404, "not_found");
        assertError(mia.api().get("/api/v1/time-entries/" + id + "/history"), 404, "not_found");
        JsonNode history = admin.get("/api/v1/time-entries/" + id + "/history").body().get("history");
        assertThat(history.valueStream().map(change -> change.get("action").asString()))
                .containsExactly("created", "deleted");
        assertThat(history.get(1).get("reason").asString()).isEqualTo("duplicate");
        created(mia.api().post("/api/v1/time-entries", entry(projectId, start, start.plusSeconds(600))));
    }

    @Test
    void historyShowsEveryChangeOldestFirstWithActorTokenAndReason() {
        Person noah = newPerson();
        long projectId = newProject();
        Instant start = freshDay();
        long id = created(noah.api().post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "%s", "end_time": "%s", "notes": "first"}"""
                .formatted(projectId, start, start.plusSeconds(600))));
        noah.api().patch("/api/v1/time-entries/" + id, "{\"notes\": \"second\", \"reason\": \"typo\"}");
        admin.patch("/api/v1/time-entries/" + id, "{\"billable\": false, \"reason\": \"internal work\"}");

        Response response = noah.api().get("/api/v1/time-entries/" + id + "/history");

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        JsonNode history = response.body().get("history");
        assertThat(history.size()).isEqualTo(3);
        assertThat(response.body().get("pagination").get("total").asLong()).isEqualTo(3);
        JsonNode creation = history.get(0);
        assertThat(creation.get("action").asString()).isEqualTo("created");
        assertThat(creation.get("actor").get("id").asLong()).isEqualTo(noah.id());
        assertThat(creation.get("actor").get("username").asString()).startsWith("user-");
        assertThat(creation.get("via_token").asString()).startsWith("tt_").hasSize(8);
        assertThat(creation.get("changes").get("notes").get("from").isNull()).isTrue();
        assertThat(creation.get("changes").get("notes").get("to").asString()).isEqualTo("first");
        JsonNode edit = history.get(1);
        assertThat(edit.get("action").asString()).isEqualTo("updated");
        assertThat(edit.get("reason").asString()).isEqualTo("typo");
        assertThat(edit.get("changes").propertyNames()).containsExactly("notes");
        assertThat(edit.get("changes").get("notes").get("from").asString()).isEqualTo("first");
        assertThat(edit.get("changes").get("notes").get("to").asString()).isEqualTo("second");
        JsonNode byAdmin = history.get(2);
        assertThat(byAdmin.get("actor").get("username").asString()).isEqualTo("admin");
        assertThat(byAdmin.get("reason").asString()).isEqualTo("internal work");
        assertThat(byAdmin.get("changes").get("billable").get("to").asBoolean()).isFalse();
        assertThat(Instant.parse(creation.get("at").asString())).isBeforeOrEqualTo(Instant.parse(edit.get("at").asString()));
    }

    @Test
    void projectTotalsFollowTheCompletedEntries() {
        Person olga = newPerson();
        long projectId = newProject();
        Instant start = freshDay();
        long billable = created(olga.api().post("/api/v1/time-entries", entry(projectId, start, start.plusSeconds(3600))));
        created(olga.api().post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "%s", "end_time": "%s", "billable": false}"""
                .formatted(projectId, start.plusSeconds(3600), start.plusSeconds(5400))));
        assertTotals(projectId, 1.5, 1.0);

        olga.api().patch("/api/v1/time-entries/" + billable, "{\"end_time\": \"%s\"}".formatted(start.plusSeconds(1800)));
        assertTotals(projectId, 1.0, 0.5);

        olga.api().delete("/api/v1/time-entries/" + billable);
        assertTotals(projectId, 0.5, 0.0);
    }

    @Test
    void scopesLimitWhatATokenMayDo() {
        Person reader = newPerson("read:time_entries");
        Person writer = newPerson("write:time_entries");
        long projectId = newProject();
        Instant start = freshDay();

        Response refused = reader.api().post("/api/v1/time-entries", entry(projectId, start, start.plusSeconds(60)));
        assertError(refused, 403, "forbidden");
        assertThat(refused.body().get("required_scope").asString()).isEqualTo("write:time_entries");
        assertError(reader.api().post("/api/v1/timer/start", "{\"project_id\": %d}".formatted(projectId)),
                403, "forbidden");
        assertThat(reader.api().get("/api/v1/time-entries").status()).isEqualTo(200);
        assertThat(reader.api().get("/api/v1/timer/status").status()).isEqualTo(200);

        long id = created(writer.api().post("/api/v1/time-entries", entry(projectId, start, start.plusSeconds(60))));
        assertError(writer.api().get("/api/v1/time-entries"), 403, "forbidden");
        assertError(writer.api().get("/api/v1/time-entries/" + id), 403, "forbidden");
        assertError(writer.api().get("/api/v1/time-entries/" + id + "/history"), 403, "forbidden");
        assertError(writer.api().get("/api/v1/timer/status"), 403, "forbidden");
        assertThat(admin.as(null).sendingInvalidInput().get("/api/v1/time-entries").status()).isEqualTo(401);
    }

    private void assertTotals(long projectId, double totalHours, double billableHours) {
        JsonNode project = admin.get("/api/v1/projects/" + projectId).body().get("project");
        assertThat(project.get("total_hours").asDouble()).isEqualTo(totalHours);
        assertThat(project.get("total_billable_hours").asDouble()).isEqualTo(billableHours);
    }

    private static void assertField(Response response, String field) {
        assertError(response, 400, "validation_error");
        assertThat(response.body().get("errors").has(field)).as(response.raw()).isTrue();
    }
}
