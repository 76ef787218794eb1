package io.timetracker.query.common;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where projections write. A row goes into the batch of the unit of work it belongs to: live, the command's (one
 * batch for all projections, run in the command's transaction when it prepares to commit, after the events are
 * appended); in a replay, the window the replay collects. Outside both it is written at once. Projections never
 * read their tables while handling an event: a batch is written after its events are handled.
 */
@Component
public class ProjectionWrites {

    private static final Logger log = LoggerFactory.getLogger(ProjectionWrites.class);
    private static final String RESOURCE = ProjectionWrites.class.getName();
    private static final String AFTER_COMMIT = RESOURCE + ".afterCommit";
    private static final ThreadLocal<ProjectionBatch> COLLECTING = new ThreadLocal<>();
    private static final ThreadLocal<List<ReadBack<?>>> READING_BACK = new ThreadLocal<>();

    private final JdbcTemplate jdbc;

    public ProjectionWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param key    the id of the row of the statement's key table that this row is
     * @param values one per column of the statement, in its order
     */
    public void add(RowStatement statement, Object key, Object... values) {
        ProjectionBatch batch = currentBatch();
        if (batch != null) {
            batch.add(statement, key, values);
            return;
        }
        ProjectionBatch single = new ProjectionBatch();
        single.add(statement, key, values);
        single.flush(jdbc);
    }

    /**
     * Like {@link #add}, but live the row is written once the command has committed, in a statement of its own: for
     * rows many writers would otherwise insert in their transactions and wait on each other for (a word every
     * writer may be the first to use), that may lag the commit by that statement. In a replay it goes into the
     * window (a read model's windows are written one after the other). The statement must not depend on the
     * command's other rows, and a failure of it is logged, not raised: the command has committed.
     */
    public void addAfterCommit(RowStatement statement, Object key, Object... values) {
        if (COLLECTING.get() != null || !CurrentUnitOfWork.isStarted()) {
            add(statement, key, values);
            return;
        }
        UnitOfWork<?> command = CurrentUnitOfWork.get().root();
        command.getOrComputeResource(AFTER_COMMIT, name -> {
            ProjectionBatch batch = new ProjectionBatch();
            command.afterCommit(committed -> {
                try {
                    batch.flush(jdbc);
                } catch (DataAccessException e) {
                    log.warn("Rows written after a commit were lost (a rebuild writes them; search words, the next start)",
                            e);
                }
            });
            return batch;
        }).add(statement, key, values);
    }

    /**
     * Whether rows given now go into a batch (a command's, or a replay's window) that writes them later, rather than
     * being written at once.
     */
    public boolean isBatching() {
        return COLLECTING.get() != null || CurrentUnitOfWork.isStarted();
    }

    /**
     * When the batch the rows given now go into fails, {@code translate} says what a failure it knows means (null:
     * not one of its own). Only while {@link #isBatching}.
     */
    public void translateFailures(Function<SQLException, RuntimeException> translate) {
        ProjectionBatch batch = currentBatch();
        if (batch == null) {
            throw new IllegalStateException("No batch to translate the failures of");
        }
        batch.translateFailures(translate);
    }

    /**
     * What a projection remembers of the events it has been given so far in a replay from the store's first event
     * (one {@code type} instance per replay and writer lane, made by {@code fresh}; the events come in the store's
     * order), so that it may work out in memory what it would otherwise read from its tables; null live and in any
     * replay that does not start from the first event, where it must read its tables as usual.
     */
    public <S> S replayMemory(Class<S> type, Supplier<S> fresh) {
        ProjectionBatch collecting = COLLECTING.get();
        return collecting == null ? null : collecting.memory(type, fresh);
    }

    /**
     * A {@link #replayMemory} with rows to write once its replay has given it every event: rows worked out once,
     * from the tables as the replay filled them, rather than window by window.
     */
    public interface AtReplayEnd {

        /** Adds ({@link #add}) the rows written after the replay's last window. */
        void replayEnded();
    }

    /** Runs {@code handling} (event handlers) with every write they make going into {@code batch}. */
    public void collectInto(ProjectionBatch batch, Runnable handling) {
        ProjectionBatch previous = COLLECTING.get();
        COLLECTING.set(batch);
        try {
            handling.run();
        } finally {
            if (previous == null) {
                COLLECTING.remove();
            } else {
                COLLECTING.set(previous);
            }
        }
    }

    /**
     * Runs {@code write} (a command, handled on this thread, that commits before it returns) and answers what
     * {@code read} finds once it has committed: read by the command's batch in its last round trip when there is
     * one, else read on its own.
     */
    public <T> T writeThenRead(Runnable write, ReadBack<T> read) {
        writeThenRead(write, List.of(read));
        return read.found();
    }

    /**
     * Runs {@code write} (commands handled on this thread in one unit of work that commits before it returns), then
     * makes every one of {@code reads} hold what it finds among the committed rows ({@link ReadBack#found}): read in
     * the batch's last round trip when there is one, else each on its own.
     */
    public void writeThenRead(Runnable write, List<? extends ReadBack<?>> reads) {
        reads.forEach(ReadBack::forget);
        READING_BACK.set(List.copyOf(reads));
        try {
            write.run();
        } finally {
            READING_BACK.remove();
        }
        for (ReadBack<?> read : reads) {
            if (!read.isRead()) {
                readAlone(read);
            }
        }
    }

    private <T> void readAlone(ReadBack<T> read) {
        List<T> found = jdbc.query(read.sql(), read.mapper(), read.parameters().toArray());
        read.found(found.isEmpty() ? null : found.get(0));
    }

    private ProjectionBatch currentBatch() {
        ProjectionBatch collecting = COLLECTING.get();
        if (collecting != null || !CurrentUnitOfWork.isStarted()) {
            return collecting;
        }
        UnitOfWork<?> command = CurrentUnitOfWork.get().root();
        return command.getOrComputeResource(RESOURCE, key -> {
            ProjectionBatch batch = new ProjectionBatch();
            command.onPrepareCommit(committing -> batch.flush(jdbc, readingBack()));
            return batch;
        });
    }

    private static List<ReadBack<?>> readingBack() {
        List<ReadBack<?>> reads = READING_BACK.get();
        return reads == null ? List.of() : reads;
    }
}
