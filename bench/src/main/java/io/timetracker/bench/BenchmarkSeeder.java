package io.timetracker.bench;

import io.timetracker.command.client.CreateClient;
import io.timetracker.command.common.Actor;
import io.timetracker.command.common.IdAllocator;
import io.timetracker.command.project.CreateProject;
import io.timetracker.command.timeentry.CreateTimeEntry;
import io.timetracker.command.timeentry.EntryInput;
import io.timetracker.command.timeentry.UpdateTimeEntry;
import io.timetracker.command.user.RegisterUser;
import io.timetracker.command.user.Roles;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.client.ClientDetails;
import io.timetracker.events.project.ProjectDetails;
import io.timetracker.events.user.UserProfile;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fills an empty-ish store with benchmark data through the command side (every rule and constraint applies, the
 * projections build their tables from the events): one client, one project, {@code users} users named
 * {@code bench-user-1..n} and {@code entries} completed entries spread over them, one hour apart per user; with
 * {@code update-every} n &gt; 0, every n-th entry is then edited once (its notes, billable flag and end), so that a
 * replay also meets changes. Each thread sends its commands in transactions of {@code batch} entries, as an import
 * would: every command still passes its aggregate's rules and the constraint tables, but a batch shares one commit
 * and one set of projection statements, so one failing command rolls back its whole batch and stops the seeding.
 * An entry's events are recorded as its user's own (their metadata names the user), so the audit log has actors to
 * filter by. Runs only with the Spring profile {@code bench-seed}, once (it skips when {@code bench-user-1} exists). See
 * {@code bench/README.md}.
 */
@Component
@Profile("bench-seed")
public class BenchmarkSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkSeeder.class);
    private static final Instant FIRST_START = Instant.parse("2015-01-05T08:00:00Z");
    private static final List<String> TAGS = List.of("dev", "review,dev", "meeting", "ops,urgent", "support");

    private final CommandGateway commands;
    private final IdAllocator ids;
    private final JdbcTemplate jdbc;
    private final TransactionManager transactions;
    private final int entries;
    private final int users;
    private final int threads;
    private final int updateEvery;
    private final int batch;

    public BenchmarkSeeder(CommandGateway commands, IdAllocator ids, JdbcTemplate jdbc,
                           TransactionManager transactions,
                           @Value("${timetracker.bench-seed.entries:100000}") int entries,
                           @Value("${timetracker.bench-seed.users:10}") int users,
                           @Value("${timetracker.bench-seed.threads:4}") int threads,
                           @Value("${timetracker.bench-seed.update-every:0}") int updateEvery,
                           @Value("${timetracker.bench-seed.batch:100}") int batch) {
        this.commands = commands;
        this.ids = ids;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.entries = entries;
        this.users = users;
        this.threads = threads;
        this.updateEvery = updateEvery;
        this.batch = Math.max(1, batch);
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM unique_key WHERE scope = 'username' AND key = 'bench-user-1')",
                Boolean.class))) {
            log.info("Benchmark data already seeded; nothing to do");
            return;
        }
        long clientId = ids.next(AggregateIds.CLIENT);
        send(new CreateClient(clientId, new ClientDetails("Benchmark client", null, null, null, null, null, null,
                null, null)));
        long projectId = ids.next(AggregateIds.PROJECT);
        send(new CreateProject(projectId, new ProjectDetails("Benchmark project", "BENCH", clientId, null, true,
                null, null, null, null, 80, null)));
        List<Long> userIds = new ArrayList<>();
        for (int i = 1; i <= users; i++) {
            long userId = ids.next(AggregateIds.USER);
            send(new RegisterUser(userId, "bench-user-" + i,
                    new UserProfile(null, "Benchmark user " + i, Roles.USER, null, null, null), null));
            userIds.add(userId);
        }
        seedEntries(projectId, userIds);
    }

    private void seedEntries(long projectId, List<Long> userIds) throws Exception {
        long started = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                work.add(pool.submit(() -> {
                    // this thread's entries are first, first + threads, ...; a batch is the next `batch` of them
                    for (int from = first; from < entries; from += threads * batch) {
                        int seeded = seedBatchRetryingDeadlocks(from, Math.min(entries, from + threads * batch),
                                projectId, userIds);
                        int count = done.addAndGet(seeded);
                        if (count / 10_000 > (count - seeded) / 10_000) {
                            log.info("Seeded {} of {} time entries ({} per second)", count, entries,
                                    count * 1_000_000_000L / (System.nanoTime() - started));
                        }
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        log.info("Seeded {} time entries for users {} on project {}", entries, userIds, projectId);
    }

    /**
     * {@link #seedBatch}, again when PostgreSQL chose it as a deadlock's victim: a batch that edits an entry it
     * created writes the totals in two rounds, so two threads' batches can take the same total rows in different
     * orders. The victim was rolled back whole, so running it again seeds each entry once.
     */
    private int seedBatchRetryingDeadlocks(int from, int until, long projectId, List<Long> userIds) {
        for (int attempt = 1; ; attempt++) {
            try {
                return seedBatch(from, until, projectId, userIds);
            } catch (PessimisticLockingFailureException deadlock) {
                if (attempt == 5) {
                    throw deadlock;
                }
                log.info("Seeding batch {} again after a deadlock", from);
            }
        }
    }

    /**
     * Seeds entries {@code from}, {@code from + threads}, ... below {@code until} in one transaction and says how
     * many. The commands' units of work nest in one for the batch, so their events are appended and their projection
     * writes run together when it commits, as a replay window's do.
     */
    private int seedBatch(int from, int until, long projectId, List<Long> userIds) {
        UnitOfWork<?> batchWork = DefaultUnitOfWork.startAndGet(null);
        batchWork.attachTransaction(transactions);
        batchWork.execute(() -> {
            for (int i = from; i < until; i += threads) {
                CreateTimeEntry created = entry(i, projectId, userIds);
                MetaData byItsUser = MetaData.with("requestId", "bench-seed").and("userId", created.userId());
                send(created, byItsUser);
                if (updateEvery > 0 && i % updateEvery == 0) {
                    send(edited(created), byItsUser);
                }
            }
        });
        return (until - from + threads - 1) / threads;
    }

    private CreateTimeEntry entry(int i, long projectId, List<Long> userIds) {
        long userId = userIds.get(i % userIds.size());
        Instant start = FIRST_START.plus((long) (i / userIds.size()), ChronoUnit.HOURS);
        Instant end = start.plus(30 + i % 25, ChronoUnit.MINUTES);
        EntryInput input = new EntryInput(projectId, null, null, start, end, i % 3 == 0 ? 300 : 0,
                "Seeded entry " + i, TAGS.get(i % TAGS.size()), i % 4 != 0, i % 7 == 0, null);
        return new CreateTimeEntry(ids.next(AggregateIds.TIME_ENTRY), new Actor(0, true), userId, input, "import");
    }

    /** The entry with other notes, the other billable flag and ten minutes less. */
    private static UpdateTimeEntry edited(CreateTimeEntry created) {
        EntryInput was = created.input();
        EntryInput input = new EntryInput(was.projectId(), was.clientId(), was.taskId(), was.startTime(),
                was.endTime().minus(10, ChronoUnit.MINUTES), was.breakSeconds(), was.notes() + " (edited)",
                was.tags(), !was.billable(), was.paid(), was.invoiceNumber());
        return new UpdateTimeEntry(created.entryId(), created.actor(), input, 0L);
    }

    private void send(Object command) {
        send(command, MetaData.with("requestId", "bench-seed"));
    }

    private void send(Object command, MetaData metaData) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }
}
