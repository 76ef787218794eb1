package io.timetracker.query.project;

import io.timetracker.events.project.ProjectCreated;
import io.timetracker.events.project.ProjectDetails;
import io.timetracker.events.project.ProjectStatusChanged;
import io.timetracker.events.project.ProjectUpdated;
import io.timetracker.query.common.Columns;
import io.timetracker.query.common.PageResult;
import io.timetracker.query.common.ProjectionWrites;
import io.timetracker.query.common.ReadModel;
import io.timetracker.query.common.ReadQueries;
import io.timetracker.query.common.RowStatement;
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

import static io.timetracker.query.common.RowStatement.bigint;
import static io.timetracker.query.common.RowStatement.bool;
import static io.timetracker.query.common.RowStatement.integer;
import static io.timetracker.query.common.RowStatement.numeric;
import static io.timetracker.query.common.RowStatement.text;
import static io.timetracker.query.common.RowStatement.timestamp;

/**
 * The {@code projects} read table and the queries on it; the client's name is joined from {@code clients}, the
 * booked time summed from {@link ProjectTimeTotals}.
 */
@Component
@ProcessingGroup(ProjectProjection.GROUP)
@ReadModel(name = ProjectProjection.GROUP, tables = "projects")
public class ProjectProjection {

    public static final String GROUP = "projects";

    private static final String SELECT_VIEW = """
            SELECT p.*, c.name AS client_name, coalesce(t.seconds, 0) AS total_seconds,
                   coalesce(t.billable_seconds, 0) AS billable_seconds
            FROM projects p LEFT JOIN clients c ON c.id = p.client_id
            LEFT JOIN LATERAL (SELECT sum(seconds) AS seconds, sum(billable_seconds) AS billable_seconds
                               FROM project_time_totals WHERE project_id = p.id) t ON true""";

    private static final RowMapper<ProjectView> VIEW = (rs, row) -> new ProjectView(rs.getLong("id"),
            rs.getString("name"), rs.getString("code"), rs.getLong("client_id"), rs.getString("client_name"),
            rs.getString("description"), rs.getBoolean("billable"), rs.getBigDecimal("hourly_rate"),
            rs.getString("billing_ref"), rs.getString("status"), rs.getBigDecimal("estimated_hours"),
            rs.getBigDecimal("budget_amount"), rs.getInt("budget_threshold_percent"),
            Columns.nullableLong(rs, "manager_id"), rs.getLong("total_seconds") / 3600.0,
            rs.getLong("billable_seconds") / 3600.0, "archived".equals(rs.getString("status")),
            Columns.instant(rs, "archived_at"), Columns.nullableLong(rs, "archived_by"),
            Columns.instant(rs, "created_at"), Columns.instant(rs, "updated_at"));

    private static final RowStatement.Column[] DETAILS = {bigint("id"), text("name"), text("code"),
            bigint("client_id"), text("description"), bool("billable"), numeric("hourly_rate"), text("billing_ref"),
            numeric("estimated_hours"), numeric("budget_amount"), integer("threshold"), bigint("manager_id"),
            timestamp("at"), bigint("version")};

    private static final RowStatement CREATE = RowStatement.of("projects", """
            INSERT INTO projects (id, name, code, client_id, description, billable, hourly_rate, billing_ref,
                                  status, estimated_hours, budget_amount, budget_threshold_percent, manager_id,
                                  created_at, updated_at, version)
            SELECT id, name, code, client_id, description, billable, hourly_rate, billing_ref, 'active',
                   estimated_hours, budget_amount, threshold, manager_id, at, at, version
            FROM rows
            ON CONFLICT (id) DO NOTHING""", DETAILS);

    private static final RowStatement UPDATE = RowStatement.of("projects", """
            UPDATE projects p SET name = r.name, code = r.code, client_id = r.client_id,
                   description = r.description, billable = r.billable, hourly_rate = r.hourly_rate,
                   billing_ref = r.billing_ref, estimated_hours = r.estimated_hours,
                   budget_amount = r.budget_amount, budget_threshold_percent = r.threshold,
                   manager_id = r.manager_id, updated_at = r.at, version = r.version
            FROM rows r WHERE p.id = r.id AND p.version < r.version""", DETAILS);

    /** Archiving records when and by whom; any other status clears that. */
    private static final RowStatement STATUS = RowStatement.of("projects", """
            UPDATE projects p SET status = r.status,
                   archived_at = CASE WHEN r.status = 'archived' THEN r.at END,
                   archived_by = CASE WHEN r.status = 'archived' THEN r.changed_by END,
                   updated_at = r.at, version = r.version
            FROM rows r WHERE p.id = r.id AND p.version < r.version""",
            bigint("id"), text("status"), bigint("changed_by"), timestamp("at"), bigint("version"));

    private final ProjectionWrites writes;
    private final ReadQueries readQueries;

    public ProjectProjection(ProjectionWrites writes, ReadQueries readQueries) {
        this.writes = writes;
        this.readQueries = readQueries;
    }

    @EventHandler
    void on(ProjectCreated event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(CREATE, event.projectId(), details(event.projectId(), event.details(), at, version));
    }

    @EventHandler
    void on(ProjectUpdated event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(UPDATE, event.projectId(), details(event.projectId(), event.details(), at, version));
    }

    @EventHandler
    void on(ProjectStatusChanged event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(STATUS, event.projectId(), event.projectId(), event.status(), event.changedBy(),
                Columns.timestamp(at), version);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    public Versioned handle(ProjectQueries.FindProject query) {
        return readQueries.one(SELECT_VIEW + " WHERE p.id = :id",
                new MapSqlParameterSource("id", query.projectId()), VIEW);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    public PageResult handle(ProjectQueries.ListProjects query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder(" WHERE true");
        if (!"all".equals(query.status())) {
            where.append(" AND p.status = :status");
            params.addValue("status", query.status());
        }
        if (query.clientId() != null) {
            where.append(" AND p.client_id = :clientId");
            params.addValue("clientId", query.clientId());
        }
        return readQueries.page(SELECT_VIEW + where, "ORDER BY lower(name), id", params, query.page(), VIEW);
    }

    private static Object[] details(long projectId, ProjectDetails details, Instant at, long version) {
        return new Object[]{projectId, details.name(), details.code(), details.clientId(), details.description(),
                details.billable(), details.hourlyRate(), details.billingRef(), details.estimatedHours(),
                details.budgetAmount(), details.budgetThresholdPercent(), details.managerId(),
                Columns.timestamp(at), version};
    }
}
