package io.timetracker.query.client;

import io.timetracker.events.client.ClientArchived;
import io.timetracker.events.client.ClientCreated;
import io.timetracker.events.client.ClientDetails;
import io.timetracker.events.client.ClientReactivated;
import io.timetracker.events.client.ClientUpdated;
import io.timetracker.query.common.Columns;
import io.timetracker.query.common.JsonColumns;
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
import static io.timetracker.query.common.RowStatement.numeric;
import static io.timetracker.query.common.RowStatement.text;
import static io.timetracker.query.common.RowStatement.timestamp;

/** The {@code clients} read table and the queries on it; project counts come from {@code projects}. */
@Component
@ProcessingGroup(ClientProjection.GROUP)
@ReadModel(name = ClientProjection.GROUP, tables = "clients")
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

    private static final RowStatement.Column[] DETAILS = {bigint("id"), text("name"), text("description"),
            text("contact_person"), text("company"), text("email"), text("phone"), text("address"),
            numeric("rate"), text("custom_fields"), timestamp("at"), bigint("version")};

    private static final RowStatement CREATE = RowStatement.of("clients", """
            INSERT INTO clients (id, name, description, contact_person, company, email, phone, address,
                                 default_hourly_rate, custom_fields, is_active, created_at, updated_at, version)
            SELECT id, name, description, contact_person, company, email, phone, address, rate,
                   custom_fields::jsonb, true, at, at, version
            FROM rows
            ON CONFLICT (id) DO NOTHING""", DETAILS);

    private static final RowStatement UPDATE = RowStatement.of("clients", """
            UPDATE clients c SET name = r.name, description = r.description, contact_person = r.contact_person,
                   company = r.company, email = r.email, phone = r.phone, address = r.address,
                   default_hourly_rate = r.rate, custom_fields = r.custom_fields::jsonb, updated_at = r.at,
                   version = r.version
            FROM rows r WHERE c.id = r.id AND c.version < r.version""", DETAILS);

    private static final RowStatement ACTIVE = RowStatement.of("clients", """
            UPDATE clients c SET is_active = r.active, updated_at = r.at, version = r.version
            FROM rows r WHERE c.id = r.id AND c.version < r.version""",
            bigint("id"), bool("active"), timestamp("at"), bigint("version"));

    private final ProjectionWrites writes;
    private final ReadQueries readQueries;

    public ClientProjection(ProjectionWrites writes, ReadQueries readQueries) {
        this.writes = writes;
        this.readQueries = readQueries;
    }

    @EventHandler
    void on(ClientCreated event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(CREATE, event.clientId(), details(event.clientId(), event.details(), at, version));
    }

    @EventHandler
    void on(ClientUpdated event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(UPDATE, event.clientId(), details(event.clientId(), event.details(), at, version));
    }

    @EventHandler
    void on(ClientArchived event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(ACTIVE, event.clientId(), event.clientId(), false, Columns.timestamp(at), version);
    }

    @EventHandler
    void on(ClientReactivated event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(ACTIVE, event.clientId(), event.clientId(), true, Columns.timestamp(at), version);
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

    private static Object[] details(long clientId, ClientDetails details, Instant at, long version) {
        return new Object[]{clientId, details.name(), details.description(), details.contactPerson(),
                details.company(), details.email(), details.phone(), details.address(), details.defaultHourlyRate(),
                JsonColumns.write(details.customFields()), Columns.timestamp(at), version};
    }
}
