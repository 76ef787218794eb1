package io.timetracker.query.task;

import io.timetracker.events.task.TaskCreated;
import io.timetracker.events.task.TaskDeleted;
import io.timetracker.events.task.TaskDetails;
import io.timetracker.events.task.TaskUpdated;
import io.timetracker.query.common.Columns;
import io.timetracker.query.common.PageResult;
import io.timetracker.query.common.ProjectionWrites;
import io.timetracker.query.common.ReadModel;
import io.timetracker.query.common.ReadQueries;
import io.timetracker.query.common.RowStatement;
import io.timetracker.query.common.Tags;
import io.timetracker.query.common.Versioned;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;

import static io.timetracker.query.common.RowStatement.bigint;
import static io.timetracker.query.common.RowStatement.date;
import static io.timetracker.query.common.RowStatement.numeric;
import static io.timetracker.query.common.RowStatement.text;
import static io.timetracker.query.common.RowStatement.timestamp;

/**
 * The {@code tasks} read table and the queries on it; deleted tasks stay in the table (their version keeps replays
 * idempotent) but are never read. The booked time is summed from {@link TaskTimeTotals}.
 */
@Component
@ProcessingGroup(TaskProjection.GROUP)
@ReadModel(name = TaskProjection.GROUP, tables = "tasks")
public class TaskProjection {

    public static final String GROUP = "tasks";

    private static final String SELECT_VIEW = """
            SELECT tasks.*, coalesce((SELECT sum(seconds) FROM task_time_totals t WHERE t.task_id = tasks.id), 0)
                   AS total_seconds
            FROM tasks WHERE deleted_at IS NULL""";

    private static final RowMapper<TaskView> VIEW = (rs, row) -> new TaskView(rs.getLong("id"),
            rs.getLong("project_id"), rs.getString("name"), rs.getString("description"), rs.getString("status"),
            rs.getString("priority"), Columns.nullableLong(rs, "assigned_to"),
            rs.getObject("due_date", LocalDate.class), rs.getBigDecimal("estimated_hours"),
            rs.getString("tags"), Tags.list(rs.getString("tags")), rs.getLong("total_seconds") / 3600.0,
            Columns.nullableLong(rs, "created_by"), Columns.instant(rs, "created_at"),
            Columns.instant(rs, "updated_at"), Columns.instant(rs, "completed_at"));

    private static final RowStatement.Column[] DETAILS = {bigint("id"), bigint("project_id"), text("name"),
            text("description"), text("status"), text("priority"), bigint("assigned_to"), date("due_date"),
            numeric("estimated_hours"), text("tags"), timestamp("at"), bigint("version")};

    private static final RowStatement CREATE = RowStatement.of("tasks", """
            INSERT INTO tasks (id, project_id, name, description, status, priority, assigned_to, due_date,
                               estimated_hours, tags, created_by, created_at, updated_at, completed_at, version)
            SELECT id, project_id, name, description, status, priority, assigned_to, due_date, estimated_hours,
                   tags, created_by, at, at, CASE WHEN status = 'done' THEN at END, version
            FROM rows
            ON CONFLICT (id) DO NOTHING""", RowStatement.appended(DETAILS, bigint("created_by")));

    /** {@code completed_at} keeps the moment the task became done while it stays done. */
    private static final RowStatement UPDATE = RowStatement.of("tasks", """
            UPDATE tasks t SET project_id = r.project_id, name = r.name, description = r.description,
                   status = r.status, priority = r.priority, assigned_to = r.assigned_to, due_date = r.due_date,
                   estimated_hours = r.estimated_hours, tags = r.tags, updated_at = r.at,
                   completed_at = CASE WHEN r.status <> 'done' THEN NULL
                                       WHEN t.status = 'done' THEN t.completed_at
                                       ELSE r.at END,
                   version = r.version
            FROM rows r WHERE t.id = r.id AND t.version < r.version""", DETAILS);

    private static final RowStatement DELETE = RowStatement.of("tasks", """
            UPDATE tasks t SET deleted_at = r.at, updated_at = r.at, version = r.version
            FROM rows r WHERE t.id = r.id AND t.version < r.version""",
            bigint("id"), timestamp("at"), bigint("version"));

    private final ProjectionWrites writes;
    private final ReadQueries readQueries;

    public TaskProjection(ProjectionWrites writes, ReadQueries readQueries) {
        this.writes = writes;
        this.readQueries = readQueries;
    }

    @EventHandler
    void on(TaskCreated event, @Timestamp Instant at, @SequenceNumber long version) {
        Object[] details = details(event.taskId(), event.details(), at, version);
        writes.add(CREATE, event.taskId(), Columns.appended(details, event.createdBy()));
    }

    @EventHandler
    void on(TaskUpdated event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(UPDATE, event.taskId(), details(event.taskId(), event.details(), at, version));
    }

    @EventHandler
    void on(TaskDeleted event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(DELETE, event.taskId(), event.taskId(), Columns.timestamp(at), version);
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

    private static Object[] details(long taskId, TaskDetails details, Instant at, long version) {
        return new Object[]{taskId, details.projectId(), details.name(), details.description(), details.status(),
                details.priority(), details.assignedTo(),
                details.dueDate() == null ? null : java.sql.Date.valueOf(details.dueDate()), details.estimatedHours(),
                details.tags(), Columns.timestamp(at), version};
    }
}
