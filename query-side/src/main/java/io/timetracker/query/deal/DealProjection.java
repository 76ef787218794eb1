package io.timetracker.query.deal;

import io.timetracker.events.deal.DealCreated;
import io.timetracker.events.deal.DealDeleted;
import io.timetracker.events.deal.DealDetails;
import io.timetracker.events.deal.DealUpdated;
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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

import static io.timetracker.query.common.RowStatement.bigint;
import static io.timetracker.query.common.RowStatement.date;
import static io.timetracker.query.common.RowStatement.integer;
import static io.timetracker.query.common.RowStatement.numeric;
import static io.timetracker.query.common.RowStatement.text;
import static io.timetracker.query.common.RowStatement.timestamp;

/** The {@code deals} read table and the queries on it; deleted deals stay in the table but are never read. */
@Component
@ProcessingGroup(DealProjection.GROUP)
@ReadModel(name = DealProjection.GROUP, tables = "deals")
public class DealProjection {

    public static final String GROUP = "deals";

    private static final String SELECT_VIEW = "SELECT * FROM deals WHERE deleted_at IS NULL";

    private static final RowMapper<DealView> VIEW = (rs, row) -> {
        BigDecimal value = rs.getBigDecimal("value");
        int probability = rs.getInt("probability");
        return new DealView(rs.getLong("id"), rs.getString("name"), Columns.nullableLong(rs, "client_id"),
                Columns.nullableLong(rs, "contact_id"), Columns.nullableLong(rs, "lead_id"),
                rs.getString("description"), rs.getString("stage"), rs.getString("status"), value,
                rs.getString("currency_code"), probability,
                value == null ? null : value.multiply(BigDecimal.valueOf(probability))
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP),
                rs.getObject("expected_close_date", LocalDate.class), rs.getString("notes"), rs.getLong("owner_id"),
                rs.getLong("created_by"), Columns.instant(rs, "closed_at"), Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"));
    };

    private static final RowStatement.Column[] DETAILS = {bigint("id"), text("name"), bigint("client_id"),
            bigint("contact_id"), bigint("lead_id"), text("description"), text("stage"), text("status"),
            numeric("value"), text("currency_code"), integer("probability"), date("expected_close_date"),
            text("notes"), bigint("owner_id"), timestamp("closed_at"), timestamp("at"), bigint("version")};

    private static final RowStatement CREATE = RowStatement.of("deals", """
            INSERT INTO deals (id, name, client_id, contact_id, lead_id, description, stage, status, value,
                               currency_code, probability, expected_close_date, notes, owner_id, closed_at,
                               created_by, created_at, updated_at, version)
            SELECT id, name, client_id, contact_id, lead_id, description, stage, status, value, currency_code,
                   probability, expected_close_date, notes, owner_id, closed_at, created_by, at, at, version
            FROM rows
            ON CONFLICT (id) DO NOTHING""", RowStatement.appended(DETAILS, bigint("created_by")));

    private static final RowStatement UPDATE = RowStatement.of("deals", """
            UPDATE deals d SET name = r.name, client_id = r.client_id, contact_id = r.contact_id,
                   lead_id = r.lead_id, description = r.description, stage = r.stage, status = r.status,
                   value = r.value, currency_code = r.currency_code, probability = r.probability,
                   expected_close_date = r.expected_close_date, notes = r.notes, owner_id = r.owner_id,
                   closed_at = r.closed_at, updated_at = r.at, version = r.version
            FROM rows r WHERE d.id = r.id AND d.version < r.version""", DETAILS);

    private static final RowStatement DELETE = RowStatement.of("deals", """
            UPDATE deals d SET deleted_at = r.at, updated_at = r.at, version = r.version
            FROM rows r WHERE d.id = r.id AND d.version < r.version""",
            bigint("id"), timestamp("at"), bigint("version"));

    private final ProjectionWrites writes;
    private final ReadQueries readQueries;

    public DealProjection(ProjectionWrites writes, ReadQueries readQueries) {
        this.writes = writes;
        this.readQueries = readQueries;
    }

    @EventHandler
    void on(DealCreated event, @Timestamp Instant at, @SequenceNumber long version) {
        Object[] details = details(event.dealId(), event.details(), event.status(), event.closedAt(), at, version);
        writes.add(CREATE, event.dealId(), Columns.appended(details, event.createdBy()));
    }

    @EventHandler
    void on(DealUpdated event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(UPDATE, event.dealId(),
                details(event.dealId(), event.details(), event.status(), event.closedAt(), at, version));
    }

    @EventHandler
    void on(DealDeleted event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(DELETE, event.dealId(), event.dealId(), Columns.timestamp(at), version);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    public Versioned handle(DealQueries.FindDeal query) {
        return readQueries.one(SELECT_VIEW + " AND id = :id", new MapSqlParameterSource("id", query.dealId()), VIEW);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    public PageResult handle(DealQueries.ListDeals query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder();
        if (query.status() != null) {
            where.append(" AND status = :status");
            params.addValue("status", query.status());
        }
        if (query.stage() != null) {
            where.append(" AND stage = :stage");
            params.addValue("stage", query.stage());
        }
        if (query.ownerId() != null) {
            where.append(" AND owner_id = :ownerId");
            params.addValue("ownerId", query.ownerId());
        }
        return readQueries.page(SELECT_VIEW + where, "ORDER BY created_at DESC, id DESC", params, query.page(), VIEW);
    }

    private static Object[] details(long dealId, DealDetails details, String status, Instant closedAt, Instant at,
                                    long version) {
        return new Object[]{dealId, details.name(), details.clientId(), details.contactId(), details.leadId(),
                details.description(), details.stage(), status, details.value(), details.currencyCode(),
                details.probability(),
                details.expectedCloseDate() == null ? null : java.sql.Date.valueOf(details.expectedCloseDate()),
                details.notes(), details.ownerId(), Columns.timestamp(closedAt), Columns.timestamp(at), version};
    }
}
