package io.timetracker.api.timeentry;

import io.timetracker.api.support.ApiClient.Response;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /**
     * Writes sent at the same moment share transactions (group commit); each must still be answered with its own
     * entry, and a write that breaks a rule (each person's last entry overlaps their first; one of the two is refused)
     * must fail alone, without taking the others sharing its moment with it.
     */
    @Test
    void parallelEntriesOfManyPeopleAreEachAnsweredWithTheirOwnEntry() throws Exception {
        long projectId = newProject();
        Instant start = freshDay();
        List<Person> people = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            people.add(newPerson());
        }
        List<Callable<Response>> attempts = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (int p = 0; p < people.size(); p++) {
                Person person = people.get(p);
                // rounds 0-3 are four separate hours per person; round 4 overlaps the person's round 0
                Instant from = start.plus(round % 4, ChronoUnit.HOURS).plusSeconds(round == 4 ? 600 : 0);
                String body = """
                        {"project_id": %d, "start_time": "%s", "end_time": "%s", "notes": "person %d round %d"}"""
                        .formatted(projectId, from, from.plusSeconds(1800), p, round);
                attempts.add(() -> person.api().post("/api/v1/time-entries", body));
            }
        }

        List<Response> responses = inParallel(attempts);

        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < responses.size(); i++) {
            int round = i / people.size();
            int p = i % people.size();
            Response response = responses.get(i);
            if (response.status() == 409) {
                assertError(response, 409, "conflict");
                assertThat(round).as("only round 0 and its overlap, round 4, may collide").isIn(0, 4);
                continue;
            }
            long id = created(response);
            ids.add(id);
            String notes = "person %d round %d".formatted(p, round);
            JsonNode entry = response.body().get("time_entry");
            assertThat(entry.get("notes").asString()).isEqualTo(notes);
            assertThat(entry.get("user_id").asLong()).isEqualTo(people.get(p).id());
            assertThat(people.get(p).api().get("/api/v1/time-entries/" + id).body().get("time_entry").get("notes")
                    .asString()).isEqualTo(notes);
        }
        assertThat(ids).as("one of each person's rounds 0 and 4, and rounds 1-3").hasSize(4 * people.size());
        for (Person person : people) {
            assertThat(person.api().get("/api/v1/time-entries").body().get("pagination").get("total").asLong())
                    .isEqualTo(4);
        }
    }

    private static List<Response> inParallel(int times, Callable<Response> request) throws Exception {
        List<Callable<Response>> attempts = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            attempts.add(request);
        }
        return inParallel(attempts);
    }
}
