package io.timetracker.api.audit;

import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
import io.timetracker.api.support.TestFaults;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract §9, incremental sync: following {@code next_cursor} from {@code after=<id>} returns every row recorded
 * after that row exactly once, also when writes land meanwhile and commit in another order than their ids.
 */
class AuditLogFollowTest extends EndToEndTest {

    @Autowired
    JdbcTemplate jdbc;

    /** One answer of the log when followed: its rows' ids, entity ids and the cursor for the next. */
    private record Followed(List<Long> ids, List<Long> entityIds, long nextCursor) {
    }

    @Test
    void aRowThatCommitsBehindANewerOneIsServedBeforeItNotSkipped() throws Exception {
        long cursor = drain(newestRow()).nextCursor();
        TestFaults.LateCommits late = TestFaults.holdLateCommits();
        CompletableFuture<Response> slow = CompletableFuture.supplyAsync(() -> admin.post("/api/v1/clients",
                "{\"name\": \"%s\"}".formatted(unique(TestFaults.COMMITS_LATE))));
        late.awaitHeld();
        long fast = createClient(unique("Commits first"));

        Followed whileHeld = follow(cursor, 100);
        late.release();
        long slowId = slow.get().body().get("client").get("id").asLong();
        assertThat(slowId).as("the held write took its ids first").isLessThan(fast);

        assertThat(whileHeld.entityIds()).as("nothing after a transaction still running").doesNotContain(fast, slowId);
        assertThat(whileHeld.nextCursor()).isEqualTo(cursor);
        Followed after = drain(cursor);
        assertThat(after.entityIds()).containsExactly(slowId, fast);
        assertThat(after.ids().get(0)).as("its row id is older, yet it is served after the cursor")
                .isLessThan(after.ids().get(1));
    }

    @Test
    void aFollowerSeesEveryRowExactlyOnceWhileWritersRun() throws Exception {
        long start = drain(newestRow()).nextCursor();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Long> seen = new ArrayList<>();
        CompletableFuture<Void> follower = CompletableFuture.runAsync(() -> {
            long cursor = start;
            while (writing.get()) {
                Followed page = follow(cursor, 3);
                seen.addAll(page.ids());
                cursor = page.nextCursor();
            }
            seen.addAll(drain(cursor).ids());
        });
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int writer = 0; writer < 6; writer++) {
            writers.add(() -> {
                for (int i = 0; i < 8; i++) {
                    long client = createClient(unique("Follow"));
                    assertThat(admin.patch("/api/v1/clients/" + client, "{\"phone\": \"1\"}").status())
                            .isEqualTo(200);
                }
                return 16;
            });
        }
        int written = inParallel(writers).stream().mapToInt(Integer::intValue).sum();
        writing.set(false);
        follower.get();

        assertThat(seen).as("no row twice").doesNotHaveDuplicates();
        assertThat(seen.size()).isGreaterThanOrEqualTo(written);
        assertThat(seen).as("every row after the start, none skipped").containsExactlyInAnyOrderElementsOf(
                jdbc.queryForList("SELECT id FROM audit_log WHERE (xact_id, id) > "
                        + "(SELECT xact_id, id FROM audit_log WHERE id = ?)", Long.class, start));
    }

    @Test
    void followingStartsFromTheFirstRowAndPagesAlongTheCursor() {
        createClient(unique("Followed"));
        createClient(unique("Followed"));
        Followed first = follow(0, 2);
        assertThat(first.ids()).hasSize(2);
        Followed next = follow(first.nextCursor(), 2);
        assertThat(next.ids()).isNotEmpty().doesNotContainAnyElementsOf(first.ids());
        Response response = admin.get("/api/v1/audit-logs?after=0&per_page=2");
        assertThat(response.body().get("pagination").get("total").asLong()).isGreaterThan(2);
        assertThat(response.body().get("next_cursor").asLong()).isEqualTo(first.ids().get(1));
    }

    private long newestRow() {
        return admin.get("/api/v1/audit-logs?per_page=1").body().get("audit_logs").get(0).get("id").asLong();
    }

    /** Follows the log from {@code cursor} until it has nothing more. */
    private Followed drain(long cursor) {
        List<Long> ids = new ArrayList<>();
        List<Long> entityIds = new ArrayList<>();
        while (true) {
            Followed page = follow(cursor, 50);
            if (page.ids().isEmpty()) {
                return new Followed(ids, entityIds, cursor);
            }
            ids.addAll(page.ids());
            entityIds.addAll(page.entityIds());
            cursor = page.nextCursor();
        }
    }

    private Followed follow(long cursor, int perPage) {
        Response response = admin.get("/api/v1/audit-logs?after=%d&per_page=%d".formatted(cursor, perPage));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        JsonNode rows = response.body().get("audit_logs");
        return new Followed(rows.valueStream().map(row -> row.get("id").asLong()).toList(),
                rows.valueStream().map(row -> row.get("entity_id").asLong()).toList(),
                response.body().get("next_cursor").asLong());
    }
}
