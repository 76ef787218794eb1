package io.timetracker.query.replay;

import io.timetracker.query.common.ProjectionWrites;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

/**
 * Rebuilds read models from the event store while the application keeps serving, and checks that a rebuild gives
 * the tables the application has. A rebuild fills new tables beside the live ones in one pass over the event store
 * ({@link EventReplay}); live writes keep landing in the live tables meanwhile, which keep serving every read.
 * Once the new tables have caught up, one transaction locks the event store against writers (readers go on),
 * applies the last events, and moves the new tables in place of the old ones: readers never see a half-built table,
 * and no write is lost. A check builds the same way and compares the result with the live tables row by row, as
 * both stood at one event. One job runs at a time across all nodes; its progress is kept in {@code projection_job}.
 */
@Component
public class ReadModelRebuilder implements DisposableBean {

    /** What a job does. */
    public enum Kind { REBUILD, VERIFY }

    /** Thrown when a job is asked for while another runs (on any node). */
    public static final class JobRunning extends RuntimeException {
        JobRunning() {
            super("A rebuild or check of the read models is already running", null, false, false);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilder.class);
    /** The advisory lock that makes jobs exclusive across nodes. */
    private static final long JOB_LOCK = 7_270_437_411L;
    /** How long a new job waits for the lock of a job that is recorded as finished but still releasing it. */
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(2);
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final List<String> RUNNING = List.of("building", "indexing", "catching_up", "switching", "comparing");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventStorageEngine store;
    private final EventProcessingConfiguration processing;
    private final ProjectionWrites writes;
    private final ReadModels readModels;
    private final Clock clock;
    private final int window;
    private final int writers;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();
    private final ExecutorService background = Background.threads(1, "read-model-jobs");

    public ReadModelRebuilder(DataSource dataSource, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                              EventStorageEngine store, EventProcessingConfiguration processing,
                              ProjectionWrites writes, ReadModels readModels, Clock clock,
                              @Value("${timetracker.replay.window-events:20000}") int window,
                              @Value("${timetracker.replay.writers:3}") int writers) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.store = store;
        this.processing = processing;
        this.writes = writes;
        this.readModels = readModels;
        this.clock = clock;
        this.window = window;
        this.writers = writers;
    }

    /**
     * Starts a job in the background.
     *
     * @param names the read models (none: all)
     * @throws JobRunning               when another job runs
     * @throws IllegalArgumentException for an unknown read model
     */
    public ProjectionJob start(Kind kind, List<String> names) {
        List<ReadModels.Definition> models = readModels.named(names);
        Connection lock = tryLock();
        long id;
        try {
            id = beginJob(kind, models);
        } catch (RuntimeException e) {
            release(lock);
            throw e;
        }
        background.submit(() -> {
            try {
                run(id, kind, models);
            } finally {
                release(lock);
            }
        });
        return job(id);
    }

    /** Builds the read models that were never built, or whose definition changed, on this thread (start-up). */
    public void rebuildOutdated() {
        if (outdated().isEmpty()) {
            return;
        }
        Connection lock = waitForLock();
        try {
            List<ReadModels.Definition> models = outdated(); // another node may have built them meanwhile
            if (!models.isEmpty()) {
                log.info("Building read models {} from the event store", models.stream().map(ReadModels.Definition::name).toList());
                long id = beginJob(Kind.REBUILD, models);
                run(id, Kind.REBUILD, models);
                ProjectionJob done = job(id);
                if (!"done".equals(done.state())) {
                    throw new IllegalStateException("Building the read models failed: " + done.error());
                }
            }
        } finally {
            release(lock);
        }
    }

    /** The read models whose tables do not hold what their definition writes. */
    public List<ReadModels.Definition> outdated() {
        Map<String, String> built = new LinkedHashMap<>();
        jdbc.query("SELECT name, definition FROM read_model_state", rs -> {
            built.put(rs.getString(1), rs.getString(2));
        });
        return readModels.all().stream().filter(model -> !model.definition().equals(built.get(model.name()))).toList();
    }

    public ProjectionJob job(long id) {
        List<ProjectionJob> found = jdbc.query("SELECT * FROM projection_job WHERE id = ?", ProjectionJob.ROWS, id);
        return found.isEmpty() ? null : found.get(0);
    }

    public List<ProjectionJob> recentJobs(int limit) {
        return jdbc.query("SELECT * FROM projection_job ORDER BY id DESC LIMIT ?", ProjectionJob.ROWS, limit);
    }

    /** When each read model was last built, and up to which event. */
    public Map<String, ReadModelState> states() {
        Map<String, ReadModelState> states = new LinkedHashMap<>();
        jdbc.query("SELECT name, definition, built_at, built_to FROM read_model_state", rs -> {
            states.put(rs.getString("name"), new ReadModelState(rs.getString("definition"),
                    rs.getTimestamp("built_at").toInstant(), rs.getLong("built_to")));
        });
        return states;
    }

    /** A read model's last build. */
    public record ReadModelState(String definition, Instant builtAt, long builtTo) {
    }

    /**
     * Up to which event of the store ({@code head}, see {@link #head()}) each read model's live tables hold it. Every
     * model is written inline, in each command's own transaction, so a built one stands at the head. One that was never
     * built, or whose definition changed, holds what its build (at start-up, before the node reports ready) has
     * reached: the running job's position, or nothing before that job starts.
     */
    public Map<String, Long> positions(long head) {
        Set<String> unbuilt = outdated().stream().map(ReadModels.Definition::name).collect(Collectors.toSet());
        ProjectionJob running = recentJobs(1).stream().filter(ProjectionJob::running).findFirst().orElse(null);
        Map<String, Long> positions = new LinkedHashMap<>();
        for (ReadModels.Definition model : readModels.all()) {
            long position = head;
            if (unbuilt.contains(model.name())) {
                boolean building = running != null && running.readModels().contains(model.name())
                        && running.position() != null;
                position = building ? running.position() : 0;
            }
            positions.put(model.name(), position);
        }
        return positions;
    }

    /** The global index of the newest event (0: none). */
    public long head() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }

    private void run(long id, Kind kind, List<ReadModels.Definition> models) {
        String live = jdbc.queryForObject("SELECT current_schema()", String.class);
        ShadowTables shadow = new ShadowTables(jdbc, live, "rebuild_" + id);
        EventReplay replay = new EventReplay(store, processing, writes, jdbc, transactions, live, window, writers);
        List<String> tables = tables(models);
        long started = System.nanoTime();
        try {
            shadow.create(tables);
            EventReplay.Progress progress = (events, position) -> progress(id, events, position);
            EventReplay.Reached reached = replay.replay(models, shadow.schema(), null, progress);
            state(id, "indexing");
            shadow.complete(tables, writers);
            state(id, "catching_up");
            // Writes went on meanwhile: catch up without holding them off until what remains is small.
            for (int pass = 0; pass < 5; pass++) {
                long before = reached.events();
                EventReplay.Reached more = replay.replay(models, shadow.schema(), reached.position(),
                        (events, position) -> progress(id, before + events, position));
                reached = new EventReplay.Reached(more.position() == null ? reached.position() : more.position(),
                        before + more.events());
                if (more.events() < window) {
                    break;
                }
            }
            if (kind == Kind.REBUILD) {
                switchIn(id, models, shadow, replay, reached);
            } else {
                compare(id, models, shadow, replay, reached);
            }
            log.info("{} of {} done: {} events in {} ms", kind, models.stream().map(ReadModels.Definition::name).toList(),
                    jobEvents(id), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.error("{} of read models {} failed", kind, models.stream().map(ReadModels.Definition::name).toList(), e);
            finish(id, "failed", e.toString(), null);
        } finally {
            shadow.drop();
            ShadowTables.dropSchema(jdbc, "retired_" + id);
        }
    }

    /** The last events and the move, in the one transaction that holds writers off. */
    private void switchIn(long id, List<ReadModels.Definition> models, ShadowTables shadow, EventReplay replay,
                          EventReplay.Reached reached) {
        state(id, "switching");
        transactions.executeWithoutResult(status -> {
            jdbc.execute("LOCK TABLE domain_event_entry IN EXCLUSIVE MODE");
            EventReplay.Reached last = replay.catchUp(models, shadow.schema(), reached.position());
            shadow.swapIn(tables(models), "retired_" + id);
            long head = head();
            for (ReadModels.Definition model : models) {
                jdbc.update("""
                        INSERT INTO read_model_state (name, definition, built_at, built_to) VALUES (?, ?, ?, ?)
                        ON CONFLICT (name) DO UPDATE SET definition = EXCLUDED.definition, built_at = EXCLUDED.built_at,
                               built_to = EXCLUDED.built_to""",
                        model.name(), model.definition(), Timestamp.from(clock.instant()), head);
            }
            progress(id, reached.events() + last.events(), last.position() == null ? reached.position() : last.position());
            finish(id, "done", null, null);
        });
    }

    /**
     * Brings the built tables to the last committed event while writers are held off, takes a snapshot in which
     * both sides stand at that event, lets writers go on, and compares in that snapshot.
     */
    private void compare(long id, List<ReadModels.Definition> models, ShadowTables shadow, EventReplay replay,
                         EventReplay.Reached reached) {
        state(id, "comparing");
        String live = jdbc.queryForObject("SELECT current_schema()", String.class);
        try (Connection writersHeld = dataSource.getConnection(); Connection snapshot = dataSource.getConnection()) {
            writersHeld.setAutoCommit(false);
            snapshot.setAutoCommit(false);
            transactions.executeWithoutResult(status -> {
                execute(writersHeld, "LOCK TABLE domain_event_entry IN EXCLUSIVE MODE");
                replay.catchUp(models, shadow.schema(), reached.position());
            });
            execute(snapshot, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            execute(snapshot, "SELECT 1");
            writersHeld.commit();
            JdbcTemplate inSnapshot = new JdbcTemplate(new SingleConnectionDataSource(snapshot, true));
            ShadowTables compared = new ShadowTables(inSnapshot, live, shadow.schema());
            long position = inSnapshot.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry",
                    Long.class);
            List<Map<String, Object>> tables = new ArrayList<>();
            boolean identical = true;
            for (String table : tables(models)) {
                ShadowTables.TableDifference difference = compared.compare(table, 10);
                identical &= difference.differingRows() == 0;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("table", table);
                row.put("live_rows", difference.liveRows());
                row.put("rebuilt_rows", difference.rebuiltRows());
                row.put("differing_rows", difference.differingRows());
                row.put("samples", difference.samples());
                tables.add(row);
            }
            snapshot.commit();
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("identical", identical);
            report.put("position", position);
            report.put("tables", tables);
            finish(id, "done", null, JSON.writeValueAsString(report));
        } catch (SQLException e) {
            throw new IllegalStateException("Comparing the read models failed", e);
        }
    }

    private long beginJob(Kind kind, List<ReadModels.Definition> models) {
        abandonStaleJobs();
        long total = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        Instant now = clock.instant();
        return jdbc.queryForObject("""
                        INSERT INTO projection_job (kind, read_models, state, events_total, started_at, updated_at, node)
                        VALUES (?, ?::text[], 'building', ?, ?, ?, ?) RETURNING id""", Long.class,
                kind.name().toLowerCase(), "{" + String.join(",", models.stream().map(ReadModels.Definition::name).toList())
                        + "}", total, Timestamp.from(now), Timestamp.from(now), node);
    }

    /** Jobs left running by a node that died (this node holds the job lock now): their tables are dropped. */
    private void abandonStaleJobs() {
        for (Long stale : jdbc.queryForList("SELECT id FROM projection_job WHERE state = ANY (?::text[])", Long.class,
                "{" + String.join(",", RUNNING) + "}")) {
            ShadowTables.dropSchema(jdbc, "rebuild_" + stale);
            ShadowTables.dropSchema(jdbc, "retired_" + stale);
            finish(stale, "abandoned", "Its node stopped before it finished", null);
        }
    }

    private void progress(long id, long events, TrackingToken position) {
        OptionalLong index = position == null ? OptionalLong.empty() : position.position();
        jdbc.update("UPDATE projection_job SET events_done = ?, position = ?, updated_at = ? WHERE id = ?", events,
                index.isPresent() ? index.getAsLong() : null, Timestamp.from(clock.instant()), id);
    }

    private void state(long id, String state) {
        jdbc.update("UPDATE projection_job SET state = ?, updated_at = ? WHERE id = ?", state,
                Timestamp.from(clock.instant()), id);
    }

    private void finish(long id, String state, String error, String report) {
        Instant now = clock.instant();
        jdbc.update("""
                UPDATE projection_job SET state = ?, error = ?, report = ?::jsonb, updated_at = ?, finished_at = ?
                WHERE id = ?""", state, error, report, Timestamp.from(now), Timestamp.from(now), id);
    }

    private long jobEvents(long id) {
        return jdbc.queryForObject("SELECT events_done FROM projection_job WHERE id = ?", Long.class, id);
    }

    private static List<String> tables(List<ReadModels.Definition> models) {
        LinkedHashSet<String> tables = new LinkedHashSet<>();
        models.forEach(model -> tables.addAll(model.tables()));
        return List.copyOf(tables);
    }

    /**
     * The job lock, or {@link JobRunning}. A job's lock outlives its {@code finished_at} by the moment its release
     * takes, so when no job is recorded as running the lock is waited for briefly rather than refused: a caller who
     * has just seen the last job finish is not turned away.
     */
    private Connection tryLock() {
        Connection connection = connection();
        if (Boolean.TRUE.equals(lock(connection, "SELECT pg_try_advisory_lock(" + JOB_LOCK + ")"))
                || !jobRecordedAsRunning() && lockWithin(connection, RELEASE_WAIT)) {
            return connection;
        }
        release(connection);
        throw new JobRunning();
    }

    private boolean jobRecordedAsRunning() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM projection_job WHERE state = ANY "
                + "(?::text[]))", Boolean.class, "{" + String.join(",", RUNNING) + "}"));
    }

    /** Waits for the job lock up to {@code timeout} (PostgreSQL's lock_timeout applies to advisory locks). */
    private static boolean lockWithin(Connection connection, Duration timeout) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = " + timeout.toMillis());
            try {
                statement.execute("SELECT pg_advisory_lock(" + JOB_LOCK + ")");
                return true;
            } catch (SQLException e) {
                if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            } finally {
                statement.execute("RESET lock_timeout");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the job lock", e);
        }
    }

    private Connection waitForLock() {
        Connection connection = connection();
        lock(connection, "SELECT pg_advisory_lock(" + JOB_LOCK + ") IS NULL");
        return connection;
    }

    private Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("No connection for the job lock", e);
        }
    }

    private static Boolean lock(Connection connection, String sql) {
        try (Statement statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
            result.next();
            return result.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the job lock", e);
        }
    }

    /** Closing the session's connection gives the advisory lock up (the pool resets it). */
    private static void release(Connection connection) {
        try (connection; Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock_all()");
        } catch (SQLException e) {
            log.warn("Could not release the job lock cleanly: {}", e.getMessage());
        }
    }

    private static void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Failed: " + sql, e);
        }
    }
}
