package io.timetracker.query.client;

import io.timetracker.events.client.ClientArchived;
import io.timetracker.events.client.ClientCreated;
import io.timetracker.events.client.ClientDetails;
import io.timetracker.events.client.ClientReactivated;
import io.timetracker.events.client.ClientUpdated;
import io.timetracker.query.common.Columns;
import io.timetracker.query.common.JsonColumns;
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

/** The {@code clients} read table and the queries on it; project counts come from {@code projects}. */
@Component
@ProcessingGroup(ClientProjection.GROUP)
public class ClientProjection {

    public static final String GROUP = "clients";

    private static final String SELECT_VIEW = """
            SELECT c.*,
                   (SELECT count(*) FROM projects p WHERE p.client_id = c.id) AS total_projects,
                   (SELECT count(*) FROM projects p WHERE p.client_id = c.id AND p.status = 'active') AS active_projects
            FROM clients c""";

    private static final RowMapper<ClientView> VIEW = (rs, row) -> new ClientView(rs.getLong("id"),
            rs.getString("name"), rs.getString("description"), rs.getString("contact_person"),
            rs.getString("company"), rs.getString("email"), rs.getString("phone"), rs.getString("address"),
            rs.getBigDecimal("default_hourly_rate"), rs.getBoolean("is_active") ? "active" : "inactive",
            rs.getBoolean("is_active"), JsonColumns.readMap(rs.getString("custom_fields")),
            rs.getLong("total_projects"), rs.getLong("active_projects"),
            Columns.instant(rs, "created_at"), Columns.instant(rs, "updated_at"));

    private final NamedParameterJdbcTemplate jdbc;
    private final ReadQueries readQueries;

    public ClientProjection(NamedParameterJdbcTemplate jdbc, ReadQueries readQueries) {
        this.jdbc = jdbc;
        this.readQueries = readQueries;
    }

    @EventHandler
    void on(ClientCreated event, @Timestamp Instant at, @SequenceNumber long version) {
        jdbc.update("""
                INSERT INTO clients (id, name, description, contact_person, company, email, phone, address,
                                     default_hourly_rate, custom_fields, is_active, created_at, updated_at, version)
                VALUES (:id, :name, :description, :contactPerson, :company, :email, :phone, :address,
                        :rate, :customFields::jsonb, true, :at, :at, :version)
                ON CONFLICT (id) DO NOTHING""", details(event.clientId(), event.details(), at, version));
    }

    @EventHandler
    void on(ClientUpdated event, @Timestamp Instant at, @SequenceNumber long version) {
        jdbc.update("""
                UPDATE clients SET name = :name, description = :description, contact_person = :contactPerson,
                       company = :company, email = :email, phone = :phone, address = :address,
                       default_hourly_rate = :rate, custom_fields = :customFields::jsonb, updated_at = :at,
                       version = :version
                WHERE id = :id AND version < :version""", details(event.clientId(), event.details(), at, version));
    }

    @EventHandler
    void on(ClientArchived event, @Timestamp Instant at, @SequenceNumber long version) {
        setActive(event.clientId(), false, at, version);
    }

    @EventHandler
    void on(ClientReactivated event, @Timestamp Instant at, @SequenceNumber long version) {
        setActive(event.clientId(), true, at, version);
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().execute("TRUNCATE clients");
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    public Versioned handle(ClientQueries.FindClient query) {
        return readQueries.one(SELECT_VIEW + " WHERE c.id = :id",
                new MapSqlParameterSource("id", query.clientId()), VIEW);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    public PageResult handle(ClientQueries.ListClients query) {
        String where = switch (query.status()) {
            case "all" -> "";
            case "inactive" -> " WHERE NOT c.is_active";
            default -> " WHERE c.is_active";
        };
        return readQueries.page(SELECT_VIEW + where, "ORDER BY lower(name), id", new MapSqlParameterSource(),
                query.page(), VIEW);
    }

    private void setActive(long clientId, boolean active, Instant at, long version) {
        jdbc.update("UPDATE clients SET is_active = :active, updated_at = :at, version = :version"
                        + " WHERE id = :id AND version < :version",
                new MapSqlParameterSource("id", clientId).addValue("active", active)
                        .addValue("at", Columns.timestamp(at)).addValue("version", version));
    }

    private static MapSqlParameterSource details(long clientId, ClientDetails details, Instant at, long version) {
        return new MapSqlParameterSource()
                .addValue("id", clientId)
                .addValue("at", Columns.timestamp(at))
                .addValue("version", version)
                .addValue("name", details.name())
                .addValue("description", details.description())
                .addValue("contactPerson", details.contactPerson())
                .addValue("company", details.company())
                .addValue("email", details.email())
                .addValue("phone", details.phone())
                .addValue("address", details.address())
                .addValue("rate", details.defaultHourlyRate())
                .addValue("customFields", JsonColumns.write(details.customFields()));
    }
}
