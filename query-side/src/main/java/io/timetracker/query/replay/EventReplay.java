package io.timetracker.query.replay;

import io.timetracker.query.common.ProjectionBatch;
import io.timetracker.query.common.ProjectionWrites;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * One pass over the event store into read models' tables in a schema of their own: each event is read once and
 * given to the handlers of every read model that takes it (the same handlers, through the same {@link
 * ProjectionWrites}, as live), and their writes are collected in windows of many events that each run as a few
 * set-based statements in one transaction. Reading and handling run on the caller's thread, writing on another,
 * so the database writes one window while the next is read.
 */
final class EventReplay {

    /** Told after each window is written. */
    interface Progress {
        void written(long events, TrackingToken position);
    }

    /** Where a pass ended: the position after the last event applied, and how many it applied. */
    record Reached(TrackingToken position, long events) {
    }

    private final EventStorageEngine store;
    private final EventProcessingConfiguration processing;
    private final ProjectionWrites writes;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final String liveSchema;
    private final int window;

    /** @param liveSchema the application's schema, where tables outside the read models being built live */
    EventReplay(EventStorageEngine store, EventProcessingConfiguration processing, ProjectionWrites writes,
                JdbcTemplate jdbc, TransactionTemplate transactions, String liveSchema, int window) {
        this.store = store;
        this.liveSchema = liveSchema;
        this.processing = processing;
        this.writes = writes;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.window = window;
    }

    /**
     * Applies every event after {@code from} (null: from the first) that the store holds now, window by window,
     * each in a transaction of its own.
     */
    Reached replay(List<ReadModels.Definition> models, String schema, TrackingToken from, Progress progress) {
        List<EventHandlerInvoker> handlers = handlers(models);
        ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "replay-writer-" + schema);
            thread.setDaemon(true);
            return thread;
        });
        BlockingQueue<Future<?>> inFlight = new ArrayBlockingQueue<>(2);
        TrackingToken position = from;
        long events = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream = store.readEvents(from, false)) {
            Iterator<? extends TrackedEventMessage<?>> history = stream.iterator();
            while (history.hasNext()) {
                ProjectionBatch batch = new ProjectionBatch();
                int read = 0;
                while (read < window && history.hasNext()) {
                    TrackedEventMessage<?> event = history.next();
                    writes.collectInto(batch, () -> handle(handlers, event));
                    position = event.trackingToken();
                    read++;
                }
                long done = events += read;
                TrackingToken reached = position;
                if (inFlight.remainingCapacity() == 0) {
                    await(inFlight.poll());
                }
                inFlight.add(writer.submit(() -> {
                    transactions.executeWithoutResult(status -> write(batch, schema));
                    progress.written(done, reached);
                }));
            }
            while (!inFlight.isEmpty()) {
                await(inFlight.poll());
            }
        } finally {
            writer.shutdownNow();
        }
        return new Reached(position, events);
    }

    /** Applies what the store holds after {@code from} in the caller's transaction (the one that holds writers off). */
    Reached catchUp(List<ReadModels.Definition> models, String schema, TrackingToken from) {
        List<EventHandlerInvoker> handlers = handlers(models);
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
        write(batch, schema);
        return new Reached(position, events);
    }

    /** Writes the batch into {@code schema}'s tables: the statements name tables unqualified. */
    private void write(ProjectionBatch batch, String schema) {
        jdbc.execute("SET LOCAL search_path TO " + schema + ", " + liveSchema);
        batch.flush(jdbc);
    }

    private List<EventHandlerInvoker> handlers(List<ReadModels.Definition> models) {
        return models.stream().map(model -> processing.eventProcessor(model.name(), AbstractEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No event processor for read model " + model.name()))
                .eventHandlerInvoker()).toList();
    }

    private static void handle(List<EventHandlerInvoker> handlers, TrackedEventMessage<?> event) {
        try {
            for (EventHandlerInvoker handler : handlers) {
                if (handler.canHandle(event, Segment.ROOT_SEGMENT)) {
                    handler.handle(event, Segment.ROOT_SEGMENT);
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("A projection failed on event " + event.getIdentifier(), e);
        }
    }

    private static void await(Future<?> written) {
        try {
            written.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing a replayed window", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("Writing a replayed window failed", e.getCause());
        }
    }
}
