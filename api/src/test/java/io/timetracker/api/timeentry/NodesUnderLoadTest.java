package io.timetracker.api.timeentry;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.BalancedLoad;
import io.timetracker.api.support.BalancedLoad.Attempt;
import io.timetracker.api.support.BalancedLoad.Writer;
import io.timetracker.api.support.NodeProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes, each a JVM of its own ({@link NodeProcess}) on the test context's database, under writes from clients
 * behind a load balancer ({@link BalancedLoad}). One node killed with SIGKILL mid-load loses no acknowledged write,
 * the survivor answers every request, and token usage (the one piece of work a node does after answering) is
 * counted once. A rolling restart with SIGTERM fails no request. Latencies are printed, never asserted:
 * {@code bench/nodes.sh} measures them.
 */
class NodesUnderLoadTest extends TimeEntryTestSupport {

    private static final int WRITERS = 8;
    /** Acknowledged writes a node is to have answered in each phase before the next step. */
    private static final int PER_PHASE = 60;
    /** A node that writes token usage only when it shuts down: what it counted is lost if it is killed. */
    private static final String AT_SHUTDOWN_ONLY = "1h";
    /** A node that writes token usage every second and once more at shutdown: a count written twice would show. */
    private static final String EVERY_SECOND = "1s";

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    private final List<NodeProcess> started = new ArrayList<>();

    /** A user of each writer, with the token it writes with. */
    private record User(long id, String token) {
    }

    @AfterEach
    void stopNodes() {
        started.forEach(NodeProcess::close);
    }

    @Test
    void aNodeKilledMidLoadLosesNoAcknowledgedWriteTheSurvivorAnswersEveryRequestAndUsageCountsOnce()
            throws Exception {
        List<User> people = people();
        UnderLoad nodes = twoNodesUnderLoad(people, AT_SHUTDOWN_ONLY);
        NodeProcess a = nodes.a();
        NodeProcess b = nodes.b();
        BalancedLoad load = nodes.load();

        long killedAt = System.nanoTime();
        assertThat(a.kill()).isEqualTo(137);
        awaitAcknowledged(load, b.port(), killedAt);
        List<Attempt> attempts = load.stop();

        List<Attempt> failed = attempts.stream().filter(attempt -> !attempt.acknowledged()).toList();
        List<Attempt> afterKill = attempts.stream()
                .filter(attempt -> attempt.port() == b.port() && attempt.sentAt() > killedAt).toList();
        System.out.printf("kill test: %d acknowledged, %d failed (all to the killed node), %d refused and sent to "
                        + "the survivor; survivor after the kill: %s%n", attempts.size() - failed.size(), failed.size(),
                load.refusedRetries().size(), latencies(afterKill));
        assertThat(failed).as("failed requests: only those to the killed node, none with an answer")
                .allSatisfy(attempt -> {
                    assertThat(attempt.port()).as(attempt.failure()).isEqualTo(a.port());
                    assertThat(attempt.status()).as(attempt.failure()).isZero();
                });
        assertThat(afterKill).allSatisfy(attempt -> assertThat(attempt.status()).isEqualTo(201));
        assertEveryAcknowledgedWriteReadsBackUnchanged(attempts, people, b.port());

        NodeProcess restarted = a.restart();
        started.add(restarted);
        restarted.awaitReady();
        int readsOnRestarted = 3;
        for (User person : people) {
            ApiClient onRestarted = admin.as(person.token()).on(restarted.port());
            for (int i = 0; i < readsOnRestarted; i++) {
                assertThat(onRestarted.get("/api/v1/time-entries?per_page=1").status()).isEqualTo(200);
            }
        }
        assertThat(b.terminate()).isEqualTo(143);
        assertThat(restarted.terminate()).isEqualTo(143);
        // what the killed node counted died with it (at most one flush interval, as documented); what the survivor
        // (every second and at shutdown) and the restarted node (at shutdown) counted is written once
        assertUsage(people, writer -> answeredBy(attempts, writer, b.port()) + readsOnRestarted);
    }

    @Test
    void aRollingRestartUnderLoadFailsNoRequest() throws Exception {
        List<User> people = people();
        UnderLoad nodes = twoNodesUnderLoad(people, EVERY_SECOND);
        NodeProcess a = nodes.a();
        NodeProcess b = nodes.b();
        BalancedLoad load = nodes.load();

        List<NodeProcess> restarted = new ArrayList<>();
        for (NodeProcess node : List.of(a, b)) {
            assertThat(node.terminate()).isEqualTo(143);
            NodeProcess again = node.restart();
            started.add(again);
            restarted.add(again);
            again.awaitReady();
            awaitAcknowledged(load, again.port(), System.nanoTime());
        }
        List<Attempt> attempts = load.stop();

        System.out.printf("rolling restart: %d requests, %d refused and sent to the other node; %s%n", attempts.size(),
                load.refusedRetries().size(), latencies(attempts));
        assertThat(attempts).allSatisfy(attempt ->
                assertThat(attempt.status()).as("%s", attempt.failure()).isEqualTo(201));
        assertEveryAcknowledgedWriteReadsBackUnchanged(attempts, people, restarted.get(0).port());
        for (NodeProcess node : restarted) {
            assertThat(node.terminate()).isEqualTo(143);
        }
        // four node lifetimes, each writing every second and at shutdown: every request counted, and once
        assertUsage(people, writer -> attempts.stream().filter(attempt -> attempt.writer() == writer).count());
    }

    /** Two nodes, each having acknowledged writes already, and the load on them. */
    private record UnderLoad(NodeProcess a, NodeProcess b, BalancedLoad load) {
    }

    private UnderLoad twoNodesUnderLoad(List<User> people, String usageFlushOfA) throws InterruptedException {
        NodeProcess a = node(usageFlushOfA);
        NodeProcess b = node(EVERY_SECOND);
        a.awaitReady();
        b.awaitReady();
        BalancedLoad load = BalancedLoad.start(List.of(a.port(), b.port()), writers(people));
        awaitAcknowledged(load, a.port(), 0);
        awaitAcknowledged(load, b.port(), 0);
        return new UnderLoad(a, b, load);
    }

    private List<User> people() {
        return IntStream.range(0, WRITERS).mapToObj(i -> createUser("user"))
                .map(id -> new User(id, tokenFor(id, "read:time_entries,write:time_entries"))).toList();
    }

    private List<Writer> writers(List<User> people) {
        long projectId = newProject();
        Instant day = freshDay();
        return people.stream().map(person -> new Writer(person.token(), projectId, day)).toList();
    }

    private NodeProcess node(String usageFlushInterval) {
        NodeProcess node = NodeProcess.startOnSameDatabase(dataSource, Map.of(),
                "timetracker.rate-limit.per-minute=100000", "timetracker.rate-limit.per-hour=1000000",
                "timetracker.tokens.usage-flush-interval=" + usageFlushInterval);
        started.add(node);
        return node;
    }

    /** Waits until the node on {@code port} has acknowledged {@value #PER_PHASE} writes sent after {@code since}. */
    private static void awaitAcknowledged(BalancedLoad load, int port, long since) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Predicate<Attempt> counted = attempt -> attempt.port() == port && attempt.sentAt() > since
                && attempt.acknowledged();
        while (load.attempts().stream().filter(counted).count() < PER_PHASE) {
            assertThat(System.nanoTime()).as("the node on %d acknowledges writes", port).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Reads each write acknowledged in {@code attempts} from the node on {@code port}: there, and as it was sent. */
    private void assertEveryAcknowledgedWriteReadsBackUnchanged(List<Attempt> attempts, List<User> people, int port) {
        Map<Long, JsonNode> stored = new HashMap<>();
        for (User user : people) {
            stored.putAll(entriesOf(user, port));
        }
        int acknowledged = 0;
        List<Attempt> lost = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        for (Attempt attempt : attempts) {
            if (!attempt.acknowledged()) {
                continue;
            }
            acknowledged++;
            JsonNode entry = stored.get(attempt.entryId());
            if (entry == null) {
                lost.add(attempt);
            } else if (entry.get("project_id").asLong() != attempt.entry().projectId()
                    || !Instant.parse(entry.get("start_time").asString()).equals(attempt.entry().start())
                    || !Instant.parse(entry.get("end_time").asString()).equals(attempt.entry().end())
                    || !entry.get("notes").asString().equals(attempt.entry().notes())) {
                mismatched.add(attempt.entry() + " read as " + entry);
            }
        }
        System.out.printf("read back: %d acknowledged, %d lost, %d mismatched%n", acknowledged, lost.size(),
                mismatched.size());
        assertThat(acknowledged).isPositive();
        assertThat(lost).as("lost").isEmpty();
        assertThat(mismatched).as("mismatched").isEmpty();
    }

    /** Every entry of {@code user} as the node on {@code port} lists them, by id. */
    private Map<Long, JsonNode> entriesOf(User user, int port) {
        Map<Long, JsonNode> entries = new HashMap<>();
        for (int page = 1; ; page++) {
            Response list = admin.on(port).get("/api/v1/time-entries?user_id=%d&per_page=100&page=%d"
                    .formatted(user.id(), page));
            assertThat(list.status()).as(list.raw()).isEqualTo(200);
            list.body().get("time_entries").forEach(entry -> entries.put(entry.get("id").asLong(), entry));
            if (!list.body().get("pagination").get("has_next").asBoolean()) {
                return entries;
            }
        }
    }

    /** Requests of writer {@code writer} that the node on {@code port} answered (and so counted for its token). */
    private static long answeredBy(List<Attempt> attempts, int writer, int port) {
        return attempts.stream().filter(attempt -> attempt.writer() == writer && attempt.port() == port
                && attempt.status() != 0).count();
    }

    private interface Expected {
        long usage(int writer);
    }

    private void assertUsage(List<User> people, Expected expected) {
        for (int writer = 0; writer < people.size(); writer++) {
            Long usage = jdbc.queryForObject("""
                    SELECT coalesce(sum(u.usage_count), 0) FROM api_tokens t
                    LEFT JOIN api_token_usage u ON u.token_id = t.id WHERE t.user_id = ?""",
                    Long.class, people.get(writer).id());
            assertThat(usage).as("usage_count of writer %d's token", writer).isEqualTo(expected.usage(writer));
        }
    }

    private static String latencies(List<Attempt> attempts) {
        double[] millis = attempts.stream().mapToDouble(Attempt::millis).sorted().toArray();
        if (millis.length == 0) {
            return "no requests";
        }
        return "%d requests, p50 %.0f ms, p99 %.0f ms, max %.0f ms".formatted(millis.length,
                millis[(int) (millis.length * 0.50)], millis[Math.min(millis.length - 1, (int) (millis.length * 0.99))],
                millis[millis.length - 1]);
    }
}
