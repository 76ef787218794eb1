package io.timetracker.query.replay;

import io.timetracker.query.common.ProjectionBatch;
import io.timetracker.query.common.ProjectionWrites;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * One pass over the event store into read models' tables in a schema of their own: each event is read once and
 * given to the handlers of every read model that takes it (the same handlers, through the same {@link
 * ProjectionWrites}, as live), and their writes are collected in windows of many events that each run as a few
 * set-based statements. The read models are spread over a few writer lanes, each with a thread and a connection of
 * its own that writes its models' part of each window in a transaction, window after window: reading and handling
 * run on the caller's thread while the database writes earlier windows for several lanes at once.
 */
final class EventReplay {

    /** Told after each window is written. */
    interface Progress {
        void written(long events, TrackingToken position);
    }

    /** Where a pass ended: the position after the last event applied, and how many it applied. */
    record Reached(TrackingToken position, long events) {
    }

    /** Windows read ahead of the slowest lane's writing. */
    private static final int WINDOWS_IN_FLIGHT = 2;

    private final EventStorageEngine store;
    private final EventProcessingConfiguration processing;
    private final ProjectionWrites writes;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final String liveSchema;
    private final int window;
    private final int lanes;

    /**
     * @param liveSchema the application's schema, where tables outside the read models being built live
     * @param window     events per window
     * @param lanes      writer lanes (connections) at most
     */
    EventReplay(EventStorageEngine store, EventProcessingConfiguration processing, ProjectionWrites writes,
                JdbcTemplate jdbc, TransactionTemplate transactions, String liveSchema, int window, int lanes) {
        this.store = store;
        this.liveSchema = liveSchema;
        this.processing = processing;
        this.writes = writes;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.window = window;
        this.lanes = lanes;
    }

    /**
     * Applies every event after {@code from} (null: from the first) that the store holds now, window by window;
     * each lane writes its part of a window in a transaction of its own. From the first event, each lane then writes
     * what its projections keep for the end ({@link ProjectionWrites.AtReplayEnd}) in one more.
     */
    Reached replay(List<ReadModels.Definition> models, String schema, TrackingToken from, Progress progress) {
        List<Lane> writers = lanes(models, schema, from == null);
        Deque<Window> inFlight = new ArrayDeque<>();
        TrackingToken position = from;
        long events = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream = store.readEvents(from, false)) {
            Iterator<? extends TrackedEventMessage<?>> history = stream.iterator();
            while (history.hasNext()) {
                int read = 0;
                while (read < window && history.hasNext()) {
                    TrackedEventMessage<?> event = history.next();
                    for (Lane lane : writers) {
                        lane.handle(event);
                    }
                    position = event.trackingToken();
                    read++;
                }
                events += read;
                if (inFlight.size() == WINDOWS_IN_FLIGHT) {
                    inFlight.poll().await(progress);
                }
                inFlight.add(new Window(writers.stream().map(Lane::write).toList(), events, position));
            }
            if (from == null) {
                inFlight.add(new Window(writers.stream().map(Lane::writeReplayEnd).toList(), events, position));
            }
            while (!inFlight.isEmpty()) {
                inFlight.poll().await(progress);
            }
        } finally {
            writers.forEach(Lane::stop);
        }
        return new Reached(position, events);
    }

    /** Applies what the store holds after {@code from} in the caller's transaction (the one that holds writers off). */
    Reached catchUp(List<ReadModels.Definition> models, String schema, TrackingToken from) {
        ReplayHandlers handlers = new ReplayHandlers(processing, models);
        ProjectionBatch batch = new ProjectionBatch();
        TrackingToken position = from;
        long events = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream = store.readEvents(from, false)) {
            for (Iterator<? extends TrackedEventMessage<?>> history = stream.iterator(); history.hasNext(); ) {
                TrackedEventMessage<?> event = history.next();
                writes.collectInto(batch, () -> handle(handlers, event));
                position = event.trackingToken();
                events++;
            }
        }
        useShadowTables(schema);
        batch.flush(jdbc);
        return new Reached(position, events);
    }

    /**
     * The models dealt round-robin over at most {@code lanes} lanes; from the first event, each lane's projections
     * remember what they need of earlier windows ({@link ProjectionWrites#replayMemory}).
     */
    private List<Lane> lanes(List<ReadModels.Definition> models, String schema, boolean fromFirst) {
        int count = Math.max(1, Math.min(lanes, models.size()));
        return IntStream.range(0, count).mapToObj(lane -> new Lane(IntStream.range(0, models.size())
                .filter(i -> i % count == lane).mapToObj(models::get).toList(), schema + "-" + lane, schema,
                fromFirst ? new HashMap<>() : null)).toList();
    }

    /**
     * In the current transaction, the statements (which name tables unqualified) write {@code schema}'s tables,
     * and each is planned for the thousands of rows it carries rather than by a plan cached for any number of them.
     */
    private void useShadowTables(String schema) {
        jdbc.execute("SET LOCAL search_path TO " + schema + ", " + liveSchema
                + "; SET LOCAL plan_cache_mode = force_custom_plan; SET LOCAL random_page_cost = 1.1");
    }

    private static void handle(ReplayHandlers handlers, TrackedEventMessage<?> event) {
        try {
            handlers.handle(event);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("A projection failed on event " + event.getIdentifier(), e);
        }
    }

    /** Some read models and the thread that writes their part of each window, in order. */
    private final class Lane {

        private final ReplayHandlers handlers;
        private final String schema;
        private final ExecutorService writer;
        private final Map<Class<?>, Object> memory;
        private ProjectionBatch batch;

        Lane(List<ReadModels.Definition> models, String name, String schema, Map<Class<?>, Object> memory) {
            this.handlers = new ReplayHandlers(processing, models);
            this.schema = schema;
            this.writer = Background.threads(1, "replay-writer-" + name);
            this.memory = memory;
            this.batch = new ProjectionBatch(memory);
        }

        void handle(TrackedEventMessage<?> event) {
            writes.collectInto(batch, () -> EventReplay.handle(handlers, event));
        }

        /**
         * Writes what the window gave this lane, in a transaction whose commit need not wait for the disk: a crash
         * loses the whole rebuild anyway, whose tables nothing reads until the switch.
         */
        Future<?> write() {
            ProjectionBatch full = batch;
            batch = new ProjectionBatch(memory);
            return writer.submit(() -> transactions.executeWithoutResult(status -> {
                useShadowTables(schema);
                jdbc.execute("SET LOCAL synchronous_commit = off");
                full.flush(jdbc);
            }));
        }

        /** Writes the rows the lane's projections keep for the end of a replay from the first event. */
        Future<?> writeReplayEnd() {
            writes.collectInto(batch, () -> memory.values().forEach(remembered -> {
                if (remembered instanceof ProjectionWrites.AtReplayEnd ending) {
                    ending.replayEnded();
                }
            }));
            return write();
        }

        void stop() {
            writer.shutdownNow();
        }
    }

    /** A window being written by every lane. */
    private record Window(List<Future<?>> writes, long events, TrackingToken position) {

        void await(Progress progress) {
            Background.awaitAll(writes, "writing a replayed window");
            progress.written(events, position);
        }
    }
}
