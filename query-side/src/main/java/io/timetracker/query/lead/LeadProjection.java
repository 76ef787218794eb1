package io.timetracker.query.lead;

import io.timetracker.events.lead.LeadConvertedToClient;
import io.timetracker.events.lead.LeadConvertedToDeal;
import io.timetracker.events.lead.LeadCreated;
import io.timetracker.events.lead.LeadDeleted;
import io.timetracker.events.lead.LeadDetails;
import io.timetracker.events.lead.LeadUpdated;
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

import static io.timetracker.query.common.RowStatement.bigint;
import static io.timetracker.query.common.RowStatement.integer;
import static io.timetracker.query.common.RowStatement.numeric;
import static io.timetracker.query.common.RowStatement.text;
import static io.timetracker.query.common.RowStatement.timestamp;

/** The {@code leads} read table and the queries on it; deleted leads stay in the table but are never read. */
@Component
@ProcessingGroup(LeadProjection.GROUP)
@ReadModel(name = LeadProjection.GROUP, tables = "leads")
public class LeadProjection {

    public static final String GROUP = "leads";

    private static final String SELECT_VIEW = "SELECT * FROM leads WHERE deleted_at IS NULL";

    private static final RowMapper<LeadView> VIEW = (rs, row) -> {
        String fullName = rs.getString("first_name") + " " + rs.getString("last_name");
        String company = rs.getString("company_name");
        return new LeadView(rs.getLong("id"), rs.getString("first_name"), rs.getString("last_name"), fullName,
                fullName, company == null ? fullName : fullName + " (" + company + ")", company, company,
                rs.getString("email"), rs.getString("phone"), rs.getString("title"), rs.getString("source"),
                rs.getString("status"), (Integer) rs.getObject("score"), rs.getBigDecimal("estimated_value"),
                rs.getString("currency_code"), rs.getString("notes"), rs.getString("tags"),
                Tags.list(rs.getString("tags")), rs.getLong("owner_id"), rs.getLong("created_by"),
                Columns.nullableLong(rs, "converted_to_client_id"), Columns.nullableLong(rs, "converted_to_contact_id"),
                Columns.nullableLong(rs, "converted_to_deal_id"), Columns.instant(rs, "converted_at"),
                Columns.nullableLong(rs, "converted_by"), Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"));
    };

    private static final RowStatement.Column[] DETAILS = {bigint("id"), text("first_name"), text("last_name"),
            text("company_name"), text("email"), text("phone"), text("title"), text("source"), text("status"),
            integer("score"), numeric("estimated_value"), text("currency_code"), text("notes"), text("tags"),
            bigint("owner_id"), timestamp("at"), bigint("version")};

    private static final RowStatement CREATE = RowStatement.of("leads", """
            INSERT INTO leads (id, first_name, last_name, company_name, email, phone, title, source, status, score,
                               estimated_value, currency_code, notes, tags, owner_id, created_by, created_at,
                               updated_at, version)
            SELECT id, first_name, last_name, company_name, email, phone, title, source, status, score,
                   estimated_value, currency_code, notes, tags, owner_id, created_by, at, at, version
            FROM rows
            ON CONFLICT (id) DO NOTHING""", RowStatement.appended(DETAILS, bigint("created_by")));

    private static final RowStatement UPDATE = RowStatement.of("leads", """
            UPDATE leads l SET first_name = r.first_name, last_name = r.last_name, company_name = r.company_name,
                   email = r.email, phone = r.phone, title = r.title, source = r.source, status = r.status,
                   score = r.score, estimated_value = r.estimated_value, currency_code = r.currency_code,
                   notes = r.notes, tags = r.tags, owner_id = r.owner_id, updated_at = r.at, version = r.version
            FROM rows r WHERE l.id = r.id AND l.version < r.version""", DETAILS);

    /** A conversion sets the links it made (the other kind's stay) and the moment of the latest one. */
    private static final RowStatement CONVERTED = RowStatement.of("leads", """
            UPDATE leads l SET status = 'converted',
                   converted_to_client_id = coalesce(r.client_id, l.converted_to_client_id),
                   converted_to_contact_id = coalesce(r.contact_id, l.converted_to_contact_id),
                   converted_to_deal_id = coalesce(r.deal_id, l.converted_to_deal_id),
                   converted_at = r.at, converted_by = r.converted_by, updated_at = r.at, version = r.version
            FROM rows r WHERE l.id = r.id AND l.version < r.version""",
            bigint("id"), bigint("client_id"), bigint("contact_id"), bigint("deal_id"), bigint("converted_by"),
            timestamp("at"), bigint("version"));

    private static final RowStatement DELETE = RowStatement.of("leads", """
            UPDATE leads l SET deleted_at = r.at, updated_at = r.at, version = r.version
            FROM rows r WHERE l.id = r.id AND l.version < r.version""",
            bigint("id"), timestamp("at"), bigint("version"));

    private final ProjectionWrites writes;
    private final ReadQueries readQueries;

    public LeadProjection(ProjectionWrites writes, ReadQueries readQueries) {
        this.writes = writes;
        this.readQueries = readQueries;
    }

    @EventHandler
    void on(LeadCreated event, @Timestamp Instant at, @SequenceNumber long version) {
        Object[] details = details(event.leadId(), event.details(), at, version);
        writes.add(CREATE, event.leadId(), Columns.appended(details, event.createdBy()));
    }

    @EventHandler
    void on(LeadUpdated event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(UPDATE, event.leadId(), details(event.leadId(), event.details(), at, version));
    }

    @EventHandler
    void on(LeadConvertedToClient event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(CONVERTED, event.leadId(), event.leadId(), event.clientId(), event.contactId(), null,
                event.convertedBy(), Columns.timestamp(at), version);
    }

    @EventHandler
    void on(LeadConvertedToDeal event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(CONVERTED, event.leadId(), event.leadId(), null, null, event.dealId(), event.convertedBy(),
                Columns.timestamp(at), version);
    }

    @EventHandler
    void on(LeadDeleted event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(DELETE, event.leadId(), event.leadId(), Columns.timestamp(at), version);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    public Versioned handle(LeadQueries.FindLead query) {
        return readQueries.one(SELECT_VIEW + " AND id = :id", new MapSqlParameterSource("id", query.leadId()), VIEW);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    public PageResult handle(LeadQueries.ListLeads query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder();
        if (query.status() == null) {
            where.append(" AND status NOT IN ('converted', 'lost')");
        } else if (!LeadQueries.ListLeads.ALL.equals(query.status())) {
            where.append(" AND status = :status");
            params.addValue("status", query.status());
        }
        if (query.source() != null) {
            where.append(" AND lower(source) = lower(:source)");
            params.addValue("source", query.source());
        }
        if (query.ownerId() != null) {
            where.append(" AND owner_id = :ownerId");
            params.addValue("ownerId", query.ownerId());
        }
        if (query.search() != null) {
            where.append(" AND (first_name || ' ' || last_name ILIKE :search OR company_name ILIKE :search"
                    + " OR email ILIKE :search)");
            params.addValue("search", "%" + query.search().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        return readQueries.page(SELECT_VIEW + where, "ORDER BY created_at DESC, id DESC", params, query.page(), VIEW);
    }

    private static Object[] details(long leadId, LeadDetails details, Instant at, long version) {
        return new Object[]{leadId, details.firstName(), details.lastName(), details.companyName(), details.email(),
                details.phone(), details.title(), details.source(), details.status(), details.score(),
                details.estimatedValue(), details.currencyCode(), details.notes(), details.tags(), details.ownerId(),
                Columns.timestamp(at), version};
    }
}
