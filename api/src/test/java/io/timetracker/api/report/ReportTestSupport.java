package io.timetracker.api.report;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Fixtures for the report tests: a user of their own (so their reports hold only the test's entries), entries. */
abstract class ReportTestSupport extends EndToEndTest {

    protected record Person(long id, ApiClient api) {
    }

    protected Person newPerson() {
        long id = createUser("user");
        return new Person(id, admin.as(tokenFor(id, "read:time_entries,write:time_entries,read:reports")));
    }

    protected long newClient(String defaultRate) {
        Response created = admin.post("/api/v1/clients", "{\"name\": \"%s\", \"default_hourly_rate\": %s}"
                .formatted(unique("Client"), defaultRate));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("client").get("id").asLong();
    }

    protected long newProject(long clientId, String hourlyRate) {
        Response created = admin.post("/api/v1/projects", "{\"name\": \"%s\", \"client_id\": %d, \"hourly_rate\": %s}"
                .formatted(unique("Project"), clientId, hourlyRate));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("project").get("id").asLong();
    }

    /** Books {@code start}..{@code end} (UTC date-times) on the project for the person; returns the entry. */
    protected static Response book(Person person, long projectId, String start, String end, boolean billable) {
        Response created = person.api().post("/api/v1/time-entries",
                "{\"project_id\": %d, \"start_time\": \"%sZ\", \"end_time\": \"%sZ\", \"billable\": %s}"
                        .formatted(projectId, start, end, billable));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created;
    }

    protected static long id(Response entry) {
        return entry.body().get("time_entry").get("id").asLong();
    }

    protected static void assertValidationError(Response response, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().get("error_code").asString()).isEqualTo("validation_error");
        assertThat(response.body().get("errors").has(field)).as(response.raw()).isTrue();
    }
}
