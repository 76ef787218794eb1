package io.timetracker.query.project;

import io.timetracker.events.project.ProjectCreated;
import io.timetracker.events.project.ProjectDetails;
import io.timetracker.events.project.ProjectStatusChanged;
import io.timetracker.events.project.ProjectUpdated;
import io.timetracker.query.common.Columns;
import io.timetracker.query.common.PageResult;
import io.timetracker.query.common.ReadQueries;
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
import java.util.List;

/** The {@code projects} read table and the queries on it; the client's name is joined from {@code clients}. */
@Component
@ProcessingGroup(ProjectProjection.GROUP)
public class ProjectProjection {

    public static final String GROUP = "projects";

    private static final String SELECT_VIEW = """
            SELECT p.*, c.name AS client_name
            FROM projects p LEFT JOIN clients c ON c.id = p.client_id""";

    private static final RowMapper<ProjectView> VIEW = (rs, row) -> new ProjectView(rs.getLong("id"),
            rs.getString("name"), rs.getString("code"), rs.getLong("client_id"), rs.getString("client_name"),
            rs.getString("description"), rs.getBoolean("billable"), rs.getBigDecimal("hourly_rate"),
            rs.getString("billing_ref"), rs.getString("status"), rs.getBigDecimal("estimated_hours"),
            rs.getBigDecimal("budget_amount"), rs.getInt("budget_threshold_percent"),
            Columns.nullableLong(rs, "manager_id"), rs.getLong("total_seconds") / 3600.0,
            rs.getLong("billable_seconds") / 3600.0, "archived".equals(rs.getString("status")),
            Columns.instant(rs, "archived_at"), Columns.nullableLong(rs, "archived_by"),
            Columns.instant(rs, "created_at"), Columns.instant(rs, "updated_at"));

    private final NamedParameterJdbcTemplate jdbc;
    private final ReadQueries readQueries;

    public ProjectProjection(NamedParameterJdbcTemplate jdbc, ReadQueries readQueries) {
        this.jdbc = jdbc;
        this.readQueries = readQueries;
    }

    @EventHandler
    void on(ProjectCreated event, @Timestamp Instant at, @SequenceNumber long version) {
        jdbc.update("""
                INSERT INTO projects (id, name, code, client_id, description, billable, hourly_rate, billing_ref,
                                      status, estimated_hours, budget_amount, budget_threshold_percent, manager_id,
                                      created_at, updated_at, version)
                VALUES (:id, :name, :code, :clientId, :description, :billable, :hourlyRate, :billingRef,
                        'active', :estimatedHours, :budgetAmount, :threshold, :managerId, :at, :at, :version)
                ON CONFLICT (id) DO NOTHING""", details(event.projectId(), event.details(), at, version));
    }

    @EventHandler
    void on(ProjectUpdated event, @Timestamp Instant at, @SequenceNumber long version) {
        jdbc.update("""
                UPDATE projects SET name = :name, code = :code, client_id = :clientId, description = :description,
                       billable = :billable, hourly_rate = :hourlyRate, billing_ref = :billingRef,
                       estimated_hours = :estimatedHours, budget_amount = :budgetAmount,
                       budget_threshold_percent = :threshold, manager_id = :managerId, updated_at = :at,
                       version = :version
                WHERE id = :id AND version < :version""", details(event.projectId(), event.details(), at, version));
    }

    @EventHandler
    void on(ProjectStatusChanged event, @Timestamp Instant at, @SequenceNumber long version) {
        boolean archived = "archived".equals(event.status());
        jdbc.update("""
                UPDATE projects SET status = :status, archived_at = :archivedAt, archived_by = :archivedBy,
                       updated_at = :at, version = :version
                WHERE id = :id AND version < :version""",
                new MapSqlParameterSource("id", event.projectId())
                        .addValue("status", event.status())
                        .addValue("archivedAt", archived ? Columns.timestamp(at) : null)
                        .addValue("archivedBy", archived ? event.changedBy() : null)
                        .addValue("at", Columns.timestamp(at))
                        .addValue("version", version));
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().execute("TRUNCATE projects");
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

    private static MapSqlParameterSource details(long projectId, ProjectDetails details, Instant at, long version) {
        return new MapSqlParameterSource()
                .addValue("id", projectId)
                .addValue("at", Columns.timestamp(at))
                .addValue("version", version)
                .addValue("name", details.name())
                .addValue("code", details.code())
                .addValue("clientId", details.clientId())
                .addValue("description", details.description())
                .addValue("billable", details.billable())
                .addValue("hourlyRate", details.hourlyRate())
                .addValue("billingRef", details.billingRef())
                .addValue("estimatedHours", details.estimatedHours())
                .addValue("budgetAmount", details.budgetAmount())
                .addValue("threshold", details.budgetThresholdPercent())
                .addValue("managerId", details.managerId());
    }
}
