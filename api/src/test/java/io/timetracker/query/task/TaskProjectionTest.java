package io.timetracker.query.task;

import io.timetracker.api.TimeTrackerApplication;
import io.timetracker.api.support.ApiTest;
import io.timetracker.events.task.TaskCreated;
import io.timetracker.events.task.TaskDeleted;
import io.timetracker.events.task.TaskDetails;
import io.timetracker.events.task.TaskUpdated;
import io.timetracker.query.common.PageRequest;
import io.timetracker.query.common.PageResult;
import io.timetracker.query.common.Versioned;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds task events straight into the projection and reads the {@code tasks} table back. Ids come from a
 * range the API's sequence never reaches, and each test uses a project id of its own, because the
 * database is shared with the end-to-end tests.
 */
@ApiTest
@ContextConfiguration(classes = TimeTrackerApplication.class) // the application lives in another package
class TaskProjectionTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant DONE = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant RENAMED = Instant.parse("2026-03-03T11:00:00Z");

    @Autowired
    private TaskProjection projection;
    @Autowired
    private JdbcTemplate jdbc;

    private final long project = 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);

    private TaskDetails details(String status, String priority, LocalDate due) {
        return new TaskDetails(project, "Task", "about it", status, priority, 5L, due, new BigDecimal("2.50"),
                "a,b");
    }

    @Test
    void createThenUpdatesKeepTheRowAndTheVersionCurrent() {
        long id = project;
        projection.on(new TaskCreated(id, details("todo", "high", LocalDate.of(2026, 4, 1)), 1L), CREATED, 0);
        projection.on(new TaskUpdated(id, details("done", "high", null)), DONE, 1);
        projection.on(new TaskUpdated(id, new TaskDetails(project, "Renamed", null, "done", "low", null, null,
                null, null)), RENAMED, 2);

        Versioned<TaskView> found = find(id);
        assertThat(found.version()).isEqualTo(2);
        TaskView task = found.value();
        assertThat(task.name()).isEqualTo("Renamed");
        assertThat(task.priority()).isEqualTo("low");
        assertThat(task.tags()).isNull();
        assertThat(task.tagList()).isEmpty();
        assertThat(task.createdBy()).isEqualTo(1L);
        assertThat(task.createdAt()).isEqualTo(CREATED);
        assertThat(task.updatedAt()).isEqualTo(RENAMED);
        assertThat(task.completedAt()).as("done since the first update").isEqualTo(DONE);
        assertThat(jdbc.queryForObject("SELECT priority_rank FROM tasks WHERE id = ?", Integer.class, id))
                .as("low sorts last").isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM task_time_totals WHERE task_id = ?", Long.class, id))
                .as("no time booked").isZero();
    }

    @Test
    void redeliveredEventsChangeNothing() {
        long id = project;
        TaskDetails first = details("todo", "medium", null);
        projection.on(new TaskCreated(id, first, 1L), CREATED, 0);
        projection.on(new TaskUpdated(id, details("done", "urgent", null)), DONE, 1);

        projection.on(new TaskCreated(id, first, 1L), CREATED, 0);
        projection.on(new TaskUpdated(id, details("review", "low", null)), RENAMED, 1);

        TaskView task = find(id).value();
        assertThat(task.status()).isEqualTo("done");
        assertThat(task.priority()).isEqualTo("urgent");
        assertThat(task.completedAt()).isEqualTo(DONE);
        assertThat(task.tagList()).containsExactly("a", "b");
    }

    @Test
    void aTaskCreatedDoneIsCompletedAtCreation() {
        projection.on(new TaskCreated(project, details("done", "medium", null), 1L), CREATED, 0);

        assertThat(find(project).value().completedAt()).isEqualTo(CREATED);
    }

    @Test
    void deletedTasksAreNeitherFoundNorListed() {
        long kept = project;
        long deleted = project + 1;
        projection.on(new TaskCreated(kept, details("todo", "low", null), 1L), CREATED, 0);
        projection.on(new TaskCreated(deleted, details("todo", "urgent", null), 1L), CREATED, 0);

        projection.on(new TaskDeleted(deleted), DONE, 1);

        assertThat(projection.handle(new TaskQueries.FindTask(deleted))).isNull();
        PageResult<?> listed = projection.handle(new TaskQueries.ListTasks(project, null, null,
                new PageRequest(1, 50)));
        assertThat(listed.total()).isEqualTo(1);
        assertThat(listed.items()).extracting(item -> ((TaskView) item).id()).containsExactly(kept);
    }

    @SuppressWarnings("unchecked")
    private Versioned<TaskView> find(long id) {
        return projection.handle(new TaskQueries.FindTask(id));
    }
}
