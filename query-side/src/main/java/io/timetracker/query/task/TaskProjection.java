package io.timetracker.query.task;

import io.timetracker.events.task.TaskCreated;
import io.timetracker.events.task.TaskDeleted;
import io.timetracker.events.task.TaskDetails;
import io.timetracker.events.task.TaskUpdated;
import io.timetracker.query.common.Columns;
import io.timetracker.query.common.PageResult;
import io.timetracker.query.common.ReadQueries;
import io.timetracker.query.common.Tags;
import io.timetracker.query.common.Versioned;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The {@code tasks} read table and the queries on it; deleted tasks stay in the table but are never read. */
@Component
@ProcessingGroup(TaskProjection.GROUP)
public class TaskProjection {

    public static final String GROUP = "tasks";
    private static final String DONE = "done";

    private static final String SELECT_VIEW = "SELECT * FROM tasks WHERE deleted_at IS NULL";

    private static final RowMapper<TaskView> VIEW = (rs, row) -> new TaskView(rs.getLong("id"),
            rs.getLong("project_id"), rs.getString("name"), rs.getString("description"), rs.getString("status"),
            rs.getString("priority"), Columns.nullableLong(rs, "assigned_to"),
            rs.getObject("due_date", LocalDate.class), rs.getBigDecimal("estimated_hours"),
            rs.getString("tags"), Tags.list(rs.getString("tags")), rs.getLong("total_seconds") / 3600.0,
            Columns.nullableLong(rs, "created_by"), Columns.instant(rs, "created_at"),
            Columns.instant(rs, "updated_at"), Columns.instant(rs, "completed_at"));

    private final NamedParameterJdbcTemplate jdbc;
    private final ReadQueries readQueries;

    public TaskProjection(NamedParameterJdbcTemplate jdbc, ReadQueries readQueries) {
        this.jdbc = jdbc;
        this.readQueries = readQueries;
    }

    @EventHandler
    void on(TaskCreated event, @Timestamp Instant at, @SequenceNumber long version) {
        jdbc.update("""
                INSERT INTO tasks (id, project_id, name, description, status, priority, assigned_to, due_date,
                                   estimated_hours, tags, created_by, created_at, updated_at, completed_at, version)
                VALUES (:id, :projectId, :name, :description, :status, :priority, :assignedTo, :dueDate,
                        :estimatedHours, :tags, :createdBy, :at, :at, :completedAt, :version)
                ON CONFLICT (id) DO NOTHING""",
                details(event.taskId(), event.details(), at, version)
                        .addValue("createdBy", event.createdBy())
                        .addValue("completedAt",
                                DONE.equals(event.details().status()) ? Columns.timestamp(at) : null));
    }

    /** {@code completed_at} keeps the moment the task became done while it stays done. */
    @EventHandler
    void on(TaskUpdated event, @Timestamp Instant at, @SequenceNumber long version) {
        jdbc.update("""
                UPDATE tasks SET project_id = :projectId, name = :name, description = :description,
                       status = :status, priority = :priority, assigned_to = :assignedTo, due_date = :dueDate,
                       estimated_hours = :estimatedHours, tags = :tags, updated_at = :at,
                       completed_at = CASE WHEN :status <> 'done' THEN NULL
                                           WHEN status = 'done' THEN completed_at
                                           ELSE CAST(:at AS timestamptz) END,
                       version = :version
                WHERE id = :id AND version < :version""", details(event.taskId(), event.details(), at, version));
    }

    @EventHandler
    void on(TaskDeleted event, @Timestamp Instant at, @SequenceNumber long version) {
        jdbc.update("""
                UPDATE tasks SET deleted_at = :at, updated_at = :at, version = :version
                WHERE id = :id AND version < :version""",
                new MapSqlParameterSource("id", event.taskId())
                        .addValue("at", Columns.timestamp(at))
                        .addValue("version", version));
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().execute("TRUNCATE tasks");
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    public Versioned handle(TaskQueries.FindTask query) {
        return readQueries.one(SELECT_VIEW + " AND id = :id",
                new MapSqlParameterSource("id", query.taskId()), VIEW);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    public PageResult handle(TaskQueries.ListTasks query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder();
        if (query.projectId() != null) {
            where.append(" AND project_id = :projectId");
            params.addValue("projectId", query.projectId());
        }
        if (query.status() != null) {
            where.append(" AND status = :status");
            params.addValue("status", query.status());
        }
        if (query.assignedTo() != null) {
            where.append(" AND assigned_to = :assignedTo");
            params.addValue("assignedTo", query.assignedTo());
        }
        return readQueries.page(SELECT_VIEW + where, "ORDER BY priority_rank, due_date NULLS LAST, id", params,
                query.page(), VIEW);
    }

    private static MapSqlParameterSource details(long taskId, TaskDetails details, Instant at, long version) {
        return new MapSqlParameterSource()
                .addValue("id", taskId)
                .addValue("at", Columns.timestamp(at))
                .addValue("version", version)
                .addValue("projectId", details.projectId())
                .addValue("name", details.name())
                .addValue("description", details.description())
                .addValue("status", details.status())
                .addValue("priority", details.priority())
                .addValue("assignedTo", details.assignedTo())
                .addValue("dueDate", details.dueDate())
                .addValue("estimatedHours", details.estimatedHours())
                .addValue("tags", details.tags());
    }
}
