package io.timetracker.api.timeentry;

import io.micrometer.core.instrument.MeterRegistry;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.TestFaults;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes that arrive while as many groups run as may run at once wait for one of them, then commit together in one
 * transaction (group commit); each is still answered with its own entry, and one that breaks a rule fails alone. A
 * write arriving while the group before it only commits does not wait for that commit.
 */
class TimeEntryGroupCommitTest extends TimeEntryTestSupport {

    @Autowired
    MeterRegistry registry;

    @Value("${timetracker.group-commit.groups-at-once}")
    int groupsAtOnce;

    /** The client creations whose commits are held, one per group that may run at once. */
    private record HeldGroups(TestFaults.LateCommits late, List<CompletableFuture<Response>> creations) {

        void releaseAndAwait() throws Exception {
            late.release();
            for (CompletableFuture<Response> creation : creations) {
                assertThat(creation.get().status()).isEqualTo(201);
            }
        }
    }

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
    void aWriteDoesNotWaitForTheGroupBeforeItToCommit() throws Exception {
        assertThat(groupsAtOnce).as("groups overlap").isGreaterThan(1);
        Person person = newPerson();
        long projectId = newProject();
        Instant start = freshDay();
        double stalledBefore = stalledStarts();
        TestFaults.LateCommits late = TestFaults.holdLateCommits();
        CompletableFuture<Response> held = createHeldClient();
        late.awaitHeld();
        try {
            Response written = person.api().post("/api/v1/time-entries", entry(projectId, start,
                    start.plusSeconds(3600)));
            assertThat(written.status()).as(written.raw()).isEqualTo(201);
            assertThat(held).as("the group before it still commits").isNotDone();
            assertThat(stalledStarts()).as("its group started at once, not as one beside a stalled group")
                    .isEqualTo(stalledBefore);
        } finally {
            late.release();
        }
        assertThat(held.get().status()).isEqualTo(201);
    }

    @Test
    void twoWritesOfOneEntryQueuedTogetherAreCommittedOneAfterTheOther() throws Exception {
        Person person = newPerson();
        long projectId = newProject();
        Instant start = freshDay();
        long id = created(person.api().post("/api/v1/time-entries", entry(projectId, start, start.plusSeconds(3600))));

        HeldGroups held = holdEveryGroup();
        CompletableFuture<Response> update = CompletableFuture.supplyAsync(() -> person.api().put(
                "/api/v1/time-entries/" + id, "{\"notes\": \"updated first\"}"));
        awaitWaiting(1);
        CompletableFuture<Response> delete = CompletableFuture.supplyAsync(() -> person.api().delete(
                "/api/v1/time-entries/" + id));
        awaitWaiting(2);
        held.releaseAndAwait();

        Response updated = update.get();
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.body().get("time_entry").get("notes").asString())
                .as("the update is answered with the entry it wrote, not with the deletion that followed it")
                .isEqualTo("updated first");
        assertThat(delete.get().status()).isEqualTo(200);
        assertThat(person.api().get("/api/v1/time-entries/" + id).status()).isEqualTo(404);
    }

    /**
     * Holds the commits of client creations in every group that may run, sends six entries of three people meanwhile
     * (with {@code overlapping}, the first person's two overlap), waits until all six are queued, then lets the held
     * commits go.
     */
    private Burst sixWritesBehindAHeldCommit(boolean overlapping) throws Exception {
        long projectId = newProject();
        Instant day = freshDay();
        List<Person> people = List.of(newPerson(), newPerson(), newPerson());
        double grouped = registry.summary("timetracker.command.group.size").totalAmount();
        double groups = registry.summary("timetracker.command.group.size").count();
        double sentAgain = registry.counter("timetracker.command.groups.sent.again").count();

        HeldGroups held = holdEveryGroup();
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
        held.releaseAndAwait();

        List<Response> responses = new ArrayList<>();
        for (CompletableFuture<Response> write : writes) {
            responses.add(write.get());
        }
        return new Burst(responses, notes, people,
                registry.summary("timetracker.command.group.size").totalAmount() - grouped,
                registry.summary("timetracker.command.group.size").count() - groups,
                registry.counter("timetracker.command.groups.sent.again").count() - sentAgain);
    }

    /** Holds the commit of a client's creation in each group that may run at once: later writes then wait. */
    private HeldGroups holdEveryGroup() throws InterruptedException {
        TestFaults.LateCommits late = TestFaults.holdLateCommits();
        List<CompletableFuture<Response>> creations = new ArrayList<>();
        for (int group = 0; group < groupsAtOnce; group++) {
            creations.add(createHeldClient());
            late.awaitHeld();
        }
        return new HeldGroups(late, creations);
    }

    private CompletableFuture<Response> createHeldClient() {
        return CompletableFuture.supplyAsync(() -> admin.post("/api/v1/clients",
                "{\"name\": \"%s\"}".formatted(unique(TestFaults.COMMITS_LATE))));
    }

    private double stalledStarts() {
        return registry.counter("timetracker.command.groups.started.stalled").count();
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
