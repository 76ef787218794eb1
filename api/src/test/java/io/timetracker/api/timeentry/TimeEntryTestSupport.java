package io.timetracker.api.timeentry;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Fixtures for the time-entry tests: users that act with their own token, a project, entries. */
abstract class TimeEntryTestSupport extends EndToEndTest {

    /** Each test's entries lie on their own days, far apart, so no two tests' entries ever overlap. */
    private static final AtomicLong DAY = new AtomicLong();

    /** A user of role "user" with every time-entry scope; {@code id} is their user id. */
    protected record Person(long id, ApiClient api) {
    }

    protected Person newPerson(String scopes) {
        long id = createUser("user");
        return new Person(id, admin.as(tokenFor(id, scopes)));
    }

    protected Person newPerson() {
        return newPerson("read:time_entries,write:time_entries");
    }

    protected long newProject() {
        return createProject(unique("Project"), createClient(unique("Client")));
    }

    /** 09:00 UTC of a fresh day in the past that no other test uses. */
    protected static Instant freshDay() {
        return Instant.parse("2020-01-01T09:00:00Z").plus(DAY.incrementAndGet() * 3, ChronoUnit.DAYS);
    }

    protected static String entry(long projectId, Instant start, Instant end) {
        return """
                {"project_id": %d, "start_time": "%s", "end_time": "%s"}""".formatted(projectId, start, end);
    }

    protected static long created(Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.body().get("time_entry").get("id").asLong();
    }

    protected static void assertError(Response response, int status, String errorCode) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.body().get("error_code").asString()).isEqualTo(errorCode);
    }
}
