package io.timetracker.api.timeentry;

import io.micrometer.core.instrument.MeterRegistry;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.TestFaults;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes that arrive while another write commits wait for it, then commit together in one transaction (group
 * commit); each is still answered with its own entry, and one that breaks a rule fails alone.
 */
class TimeEntryGroupCommitTest extends TimeEntryTestSupport {

    @Autowired
    MeterRegistry registry;

    /** What six parallel writes sent while a commit is held answered, and what the group metrics say of them. */
    private record Burst(List<Response> responses, List<String> notes, List<Person> people, double grouped,
                         double groups, double sentAgain) {
    }

    @Test
    void writesQueuedBehindACommitCommitTogetherEachAnsweredWithItsOwnEntry() throws Exception {
        Burst burst = sixWritesBehindAHeldCommit(false);

        for (int i = 0; i < 6; i++) {
            long id = created(burst.responses().get(i));
            Person person = burst.people().get(i % 3);
            assertThat(burst.responses().get(i).body().get("time_entry").get("notes").asString())
                    .isEqualTo(burst.notes().get(i));
            assertThat(person.api().get("/api/v1/time-entries/" + id).body().get("time_entry").get("notes")
                    .asString()).isEqualTo(burst.notes().get(i));
        }
        assertThat(burst.groups()).as("one group").isEqualTo(1);
        assertThat(burst.grouped()).as("of all six").isEqualTo(6);
        assertThat(burst.sentAgain()).isZero();
    }

    @Test
    void aWriteBreakingARuleFailsAloneAndTheRestOfItsGroupCommits() throws Exception {
        Burst burst = sixWritesBehindAHeldCommit(true);

        // writes 0 and 3 are one person's overlapping entries: whichever came first is kept
        List<Response> pair = List.of(burst.responses().get(0), burst.responses().get(3));
        assertThat(pair).filteredOn(response -> response.status() == 201).hasSize(1);
        assertError(pair.stream().filter(response -> response.status() != 201).findFirst().orElseThrow(), 409,
                "conflict");
        for (int i : new int[] {1, 2, 4, 5}) {
            assertThat(burst.responses().get(i).body().get("time_entry").get("notes").asString())
                    .isEqualTo(burst.notes().get(i));
        }
        assertThat(burst.people().get(0).api().get("/api/v1/time-entries").body().get("pagination").get("total")
                .asLong()).isEqualTo(1);
        assertThat(burst.sentAgain()).as("the group was rolled back and sent one by one").isEqualTo(1);
        assertThat(burst.groups()).isZero();
    }

    @Test
    void twoWritesOfOneEntryQueuedTogetherAreCommittedOneAfterTheOther() throws Exception {
        Person person = newPerson();
        long projectId = newProject();
        Instant start = freshDay();
        long id = created(person.api().post("/api/v1/time-entries", entry(projectId, start, start.plusSeconds(3600))));

        TestFaults.LateCommits late = TestFaults.holdLateCommits();
        CompletableFuture<Response> held = CompletableFuture.supplyAsync(() -> admin.post("/api/v1/clients",
                "{\"name\": \"%s\"}".formatted(unique(TestFaults.COMMITS_LATE))));
        late.awaitHeld();
        CompletableFuture<Response> update = CompletableFuture.supplyAsync(() -> person.api().put(
                "/api/v1/time-entries/" + id, "{\"notes\": \"updated first\"}"));
        awaitWaiting(1);
        CompletableFuture<Response> delete = CompletableFuture.supplyAsync(() -> person.api().delete(
                "/api/v1/time-entries/" + id));
        awaitWaiting(2);
        late.release();

        assertThat(held.get().status()).isEqualTo(201);
        Response updated = update.get();
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.body().get("time_entry").get("notes").asString())
                .as("the update is answered with the entry it wrote, not with the deletion that followed it")
                .isEqualTo("updated first");
        assertThat(delete.get().status()).isEqualTo(200);
        assertThat(person.api().get("/api/v1/time-entries/" + id).status()).isEqualTo(404);
    }

    /**
     * Holds the commit of a client's creation, sends six entries of three people meanwhile (with {@code overlapping},
     * the first person's two overlap), waits until all six are queued, then lets the held commit go.
     */
    private Burst sixWritesBehindAHeldCommit(boolean overlapping) throws Exception {
        long projectId = newProject();
        Instant day = freshDay();
        List<Person> people = List.of(newPerson(), newPerson(), newPerson());
        double grouped = registry.summary("timetracker.command.group.size").totalAmount();
        double groups = registry.summary("timetracker.command.group.size").count();
        double sentAgain = registry.counter("timetracker.command.groups.sent.again").count();

        TestFaults.LateCommits late = TestFaults.holdLateCommits();
        CompletableFuture<Response> held = CompletableFuture.supplyAsync(() -> admin.post("/api/v1/clients",
                "{\"name\": \"%s\"}".formatted(unique(TestFaults.COMMITS_LATE))));
        late.awaitHeld();
        List<String> notes = new ArrayList<>();
        List<CompletableFuture<Response>> writes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Person person = people.get(i % 3);
            Instant start = day.plus(i / 3, ChronoUnit.HOURS).plusSeconds(overlapping && i == 3 ? -1800 : 0);
            String note = "write " + i;
            notes.add(note);
            String body = """
                    {"project_id": %d, "start_time": "%s", "end_time": "%s", "notes": "%s"}"""
                    .formatted(projectId, start, start.plusSeconds(2700), note);
            writes.add(CompletableFuture.supplyAsync(() -> person.api().post("/api/v1/time-entries", body)));
        }
        awaitWaiting(6);
        late.release();

        assertThat(held.get().status()).isEqualTo(201);
        List<Response> responses = new ArrayList<>();
        for (CompletableFuture<Response> write : writes) {
            responses.add(write.get());
        }
        return new Burst(responses, notes, people,
                registry.summary("timetracker.command.group.size").totalAmount() - grouped,
                registry.summary("timetracker.command.group.size").count() - groups,
                registry.counter("timetracker.command.groups.sent.again").count() - sentAgain);
    }

    private void awaitWaiting(int commands) throws InterruptedException {
        for (int poll = 0; poll < 200; poll++) {
            if (registry.get("timetracker.command.group.waiting").gauge().value() >= commands) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("Fewer than " + commands + " commands ever waited for a group");
    }
}
