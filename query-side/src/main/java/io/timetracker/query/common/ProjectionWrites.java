package io.timetracker.query.common;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where projections write. A row goes into the batch of the unit of work it belongs to: live, the command's (one
 * batch for all projections, run in the command's transaction when it prepares to commit, after the events are
 * appended); in a replay, the window the replay collects. Outside both it is written at once. Projections never
 * read their tables while handling an event: a batch is written after its events are handled.
 */
@Component
public class ProjectionWrites {

    private static final String RESOURCE = ProjectionWrites.class.getName();
    private static final ThreadLocal<ProjectionBatch> COLLECTING = new ThreadLocal<>();

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

    private ProjectionBatch currentBatch() {
        ProjectionBatch collecting = COLLECTING.get();
        if (collecting != null || !CurrentUnitOfWork.isStarted()) {
            return collecting;
        }
        UnitOfWork<?> command = CurrentUnitOfWork.get().root();
        return command.getOrComputeResource(RESOURCE, key -> {
            ProjectionBatch batch = new ProjectionBatch();
            command.onPrepareCommit(committing -> batch.flush(jdbc));
            return batch;
        });
    }
}
