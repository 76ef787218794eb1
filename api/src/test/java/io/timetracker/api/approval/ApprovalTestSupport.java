package io.timetracker.api.approval;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Fixtures for the approval tests: people of each role acting with their own token, projects, entries. */
abstract class ApprovalTestSupport extends EndToEndTest {

    static final String SCOPES = "read:time_entries,write:time_entries,read:time_approvals,write:time_approvals";

    /** Each test's entries lie on their own days, so no two tests' entries ever overlap. */
    private static final AtomicLong DAY = new AtomicLong();

    /** A user acting with their own token; {@code id} is their user id. */
    record Person(long id, ApiClient api) {
    }

    Person person(String role) {
        long id = createUser(role);
        return new Person(id, admin.as(tokenFor(id, SCOPES)));
    }

    long projectManagedBy(Long managerId) {
        Response created = admin.post("/api/v1/projects", "{\"name\": \"%s\", \"client_id\": %d, \"manager_id\": %s}"
                .formatted(unique("Approved work"), createClient(unique("Client")), managerId));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("project").get("id").asLong();
    }

    /** A completed hour of {@code owner}'s on a fresh day, noted {@code notes}; returns its id. */
    static long entryOf(Person owner, long projectId, String notes) {
        Instant start = Instant.parse("2019-01-01T09:00:00Z").plus(DAY.incrementAndGet(), ChronoUnit.DAYS);
        Response created = owner.api().post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "%s", "end_time": "%s", "notes": "%s"}"""
                .formatted(projectId, start, start.plusSeconds(3600), notes));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("time_entry").get("id").asLong();
    }

    /** Submits the entry; returns the request. */
    static JsonNode requested(Person requester, long entryId, String body) {
        Response requested = requester.api().post("/api/v1/time-entries/" + entryId + "/request-approval", body);
        assertThat(requested.status()).as(requested.raw()).isEqualTo(201);
        return requested.body().get("approval");
    }

    static JsonNode entry(ApiClient reader, long entryId) {
        Response entry = reader.get("/api/v1/time-entries/" + entryId);
        assertThat(entry.status()).as(entry.raw()).isEqualTo(200);
        return entry.body().get("time_entry");
    }

    static void assertError(Response response, int status, String errorCode) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.body().get("error_code").asString()).as(response.raw()).isEqualTo(errorCode);
        assertThat(response.body().get("error").isString()).isTrue();
        assertThat(response.body().get("message").isString()).isTrue();
    }
}
