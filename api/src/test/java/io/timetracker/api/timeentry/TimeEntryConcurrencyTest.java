package io.timetracker.api.timeentry;

import io.timetracker.api.support.ApiClient.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** The set-based rules hold under parallel requests: nothing lost, no rule broken. */
class TimeEntryConcurrencyTest extends TimeEntryTestSupport {

    @Test
    void twelveParallelTimerStartsGiveExactlyOneTimer() throws Exception {
        Person wes = newPerson();
        long projectId = newProject();

        List<Response> responses = inParallel(12,
                () -> wes.api().post("/api/v1/timer/start", "{\"project_id\": %d}".formatted(projectId)));

        assertThat(responses).filteredOn(response -> response.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() == 409
                && response.body().get("error_code").asString().equals("timer_already_running")).hasSize(11);
        long winner = responses.stream().filter(response -> response.status() == 201).findFirst().orElseThrow()
                .body().get("timer").get("id").asLong();
        assertThat(wes.api().get("/api/v1/timer/status").body().get("timer").get("id").asLong()).isEqualTo(winner);
        assertThat(wes.api().get("/api/v1/time-entries?include_active=true").body().get("pagination").get("total")
                .asLong()).isEqualTo(1);
    }

    @Test
    void parallelOverlappingEntriesGiveExactlyOneEntry() throws Exception {
        Person xena = newPerson();
        long projectId = newProject();
        Instant start = freshDay();
        List<Callable<Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Instant from = start.plusSeconds(i * 60L);
            attempts.add(() -> xena.api().post("/api/v1/time-entries", entry(projectId, from, from.plusSeconds(3600))));
        }

        List<Response> responses = inParallel(attempts);

        assertThat(responses).filteredOn(response -> response.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() == 409
                && response.body().get("error_code").asString().equals("conflict")).hasSize(9);
        assertThat(xena.api().get("/api/v1/time-entries").body().get("pagination").get("total").asLong())
                .isEqualTo(1);
    }

    private static List<Response> inParallel(int times, Callable<Response> request) throws Exception {
        List<Callable<Response>> attempts = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            attempts.add(request);
        }
        return inParallel(attempts);
    }
}
