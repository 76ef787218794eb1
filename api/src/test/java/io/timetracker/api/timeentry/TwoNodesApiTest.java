package io.timetracker.api.timeentry;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.SecondApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database: the test context's and a second instance started beside it. A write acknowledged by
 * either is visible on the other at once, with no waiting, and the rules across aggregates hold under parallel
 * requests spread over both.
 */
class TwoNodesApiTest extends TimeEntryTestSupport {

    private static SecondApplication secondNode;

    @BeforeAll
    static void startSecondNode(@Autowired DataSource dataSource) {
        secondNode = SecondApplication.startOnSameDatabase(dataSource,
                "timetracker.rate-limit.per-minute=100000", "timetracker.rate-limit.per-hour=1000000");
        secondNode.started();
    }

    @AfterAll
    static void stopSecondNode() {
        secondNode.close();
    }

    private static ApiClient onSecondNode(ApiClient client) {
        return client.on(secondNode.port());
    }

    @Test
    void eachWriteIsReadOnTheOtherNodeAtOnce() {
        Person yara = newPerson();
        long projectId = newProject();
        Instant day = freshDay();
        for (int i = 0; i < 10; i++) {
            ApiClient writer = i % 2 == 0 ? yara.api() : onSecondNode(yara.api());
            ApiClient reader = i % 2 == 0 ? onSecondNode(yara.api()) : yara.api();
            Instant start = day.plusSeconds(i * 3600L);

            long id = created(writer.post("/api/v1/time-entries", entry(projectId, start, start.plusSeconds(1800))));
            assertThat(reader.get("/api/v1/time-entries/" + id).status()).isEqualTo(200);
            assertThat(reader.get("/api/v1/time-entries").body().get("pagination").get("total").asLong())
                    .isEqualTo(i + 1);
            assertThat(onSecondNode(admin).get("/api/v1/projects/" + projectId).body().get("project")
                    .get("total_hours").asDouble()).isEqualTo((i + 1) * 0.5);

            Response updated = reader.patch("/api/v1/time-entries/" + id, "{\"notes\": \"seen on the other node\"}");
            assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
            assertThat(writer.get("/api/v1/time-entries/" + id).body().get("time_entry").get("notes").asString())
                    .isEqualTo("seen on the other node");
        }

        long last = yara.api().get("/api/v1/time-entries").body().get("time_entries").get(0).get("id").asLong();
        assertThat(yara.api().delete("/api/v1/time-entries/" + last).status()).isEqualTo(200);
        assertThat(onSecondNode(yara.api()).get("/api/v1/time-entries/" + last).status()).isEqualTo(404);
    }

    @Test
    void parallelTimerStartsOnBothNodesGiveExactlyOneTimer() throws Exception {
        Person zeno = newPerson();
        long projectId = newProject();
        String body = "{\"project_id\": %d}".formatted(projectId);
        List<Callable<Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ApiClient node = i % 2 == 0 ? zeno.api() : onSecondNode(zeno.api());
            attempts.add(() -> node.post("/api/v1/timer/start", body));
        }

        List<Response> responses = inParallel(attempts);

        assertThat(responses).filteredOn(response -> response.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() == 409).hasSize(11);
        long winner = responses.stream().filter(response -> response.status() == 201).findFirst().orElseThrow()
                .body().get("timer").get("id").asLong();
        for (ApiClient node : List.of(zeno.api(), onSecondNode(zeno.api()))) {
            assertThat(node.get("/api/v1/timer/status").body().get("timer").get("id").asLong()).isEqualTo(winner);
        }
    }

    @Test
    void parallelOverlappingEntriesOnBothNodesGiveExactlyOneEntry() throws Exception {
        Person abel = newPerson();
        long projectId = newProject();
        Instant start = freshDay();
        List<Callable<Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ApiClient node = i % 2 == 0 ? abel.api() : onSecondNode(abel.api());
            Instant from = start.plusSeconds(i * 60L);
            attempts.add(() -> node.post("/api/v1/time-entries", entry(projectId, from, from.plusSeconds(3600))));
        }

        List<Response> responses = inParallel(attempts);

        assertThat(responses).filteredOn(response -> response.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() == 409
                && response.body().get("error_code").asString().equals("conflict")).hasSize(9);
    }

    @Test
    void parallelBookingsOnOneProjectFromBothNodesAllCount() throws Exception {
        long projectId = newProject();
        List<Person> people = List.of(newPerson(), newPerson(), newPerson(), newPerson());
        Instant start = freshDay();
        List<Callable<Response>> bookings = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Person person = people.get(i % people.size());
            ApiClient node = i % 2 == 0 ? person.api() : onSecondNode(person.api());
            Instant from = start.plusSeconds(i / people.size() * 3600L);
            bookings.add(() -> node.post("/api/v1/time-entries", entry(projectId, from, from.plusSeconds(1800))));
        }

        List<Response> responses = inParallel(bookings);

        assertThat(responses).allSatisfy(response -> assertThat(response.status()).as(response.raw()).isEqualTo(201));
        for (ApiClient node : List.of(admin, onSecondNode(admin))) {
            assertThat(node.get("/api/v1/projects/" + projectId).body().get("project").get("total_hours").asDouble())
                    .isEqualTo(12.0);
            assertThat(node.get("/api/v1/time-entries?project_id=" + projectId).body().get("pagination")
                    .get("total").asLong()).isEqualTo(24);
        }
    }
}
