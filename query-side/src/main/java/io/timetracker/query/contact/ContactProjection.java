package io.timetracker.query.contact;

import io.timetracker.events.contact.ContactCreated;
import io.timetracker.events.contact.ContactDeleted;
import io.timetracker.events.contact.ContactDetails;
import io.timetracker.events.contact.ContactPrimaryCleared;
import io.timetracker.events.contact.ContactUpdated;
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
import static io.timetracker.query.common.RowStatement.bool;
import static io.timetracker.query.common.RowStatement.text;
import static io.timetracker.query.common.RowStatement.timestamp;

/** The {@code contacts} read table and the queries on it; deleted contacts stay, inactive. */
@Component
@ProcessingGroup(ContactProjection.GROUP)
@ReadModel(name = ContactProjection.GROUP, tables = "contacts")
public class ContactProjection {

    public static final String GROUP = "contacts";

    private static final RowMapper<ContactView> VIEW = (rs, row) -> {
        String fullName = (rs.getString("first_name") + " " + rs.getString("last_name")).strip();
        return new ContactView(rs.getLong("id"), rs.getLong("client_id"), rs.getString("first_name"),
                rs.getString("last_name"), fullName, fullName, rs.getString("email"), rs.getString("phone"),
                rs.getString("mobile"), rs.getString("title"), rs.getString("department"), rs.getString("role"),
                rs.getBoolean("is_primary"), rs.getString("address"), rs.getString("notes"), rs.getString("tags"),
                Tags.list(rs.getString("tags")), rs.getBoolean("is_active"), Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"));
    };

    private static final RowStatement.Column[] DETAILS = {bigint("id"), bigint("client_id"), text("first_name"),
            text("last_name"), text("email"), text("phone"), text("mobile"), text("title"), text("department"),
            text("role"), bool("is_primary"), text("address"), text("notes"), text("tags"), timestamp("at"),
            bigint("version")};

    private static final RowStatement CREATE = RowStatement.of("contacts", """
            INSERT INTO contacts (id, client_id, first_name, last_name, email, phone, mobile, title, department, role,
                                  is_primary, address, notes, tags, is_active, created_at, updated_at, version)
            SELECT id, client_id, first_name, last_name, email, phone, mobile, title, department, role, is_primary,
                   address, notes, tags, true, at, at, version
            FROM rows
            ON CONFLICT (id) DO NOTHING""", DETAILS);

    private static final RowStatement UPDATE = RowStatement.of("contacts", """
            UPDATE contacts c SET first_name = r.first_name, last_name = r.last_name, email = r.email,
                   phone = r.phone, mobile = r.mobile, title = r.title, department = r.department, role = r.role,
                   is_primary = r.is_primary, address = r.address, notes = r.notes, tags = r.tags, updated_at = r.at,
                   version = r.version
            FROM rows r WHERE c.id = r.id AND c.version < r.version""", DETAILS);

    private static final RowStatement NOT_PRIMARY = RowStatement.of("contacts", """
            UPDATE contacts c SET is_primary = false, is_active = c.is_active AND NOT r.deleted, updated_at = r.at,
                   version = r.version
            FROM rows r WHERE c.id = r.id AND c.version < r.version""",
            bigint("id"), bool("deleted"), timestamp("at"), bigint("version"));

    private final ProjectionWrites writes;
    private final ReadQueries readQueries;

    public ContactProjection(ProjectionWrites writes, ReadQueries readQueries) {
        this.writes = writes;
        this.readQueries = readQueries;
    }

    @EventHandler
    void on(ContactCreated event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(CREATE, event.contactId(),
                details(event.contactId(), event.clientId(), event.details(), at, version));
    }

    @EventHandler
    void on(ContactUpdated event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(UPDATE, event.contactId(),
                details(event.contactId(), event.clientId(), event.details(), at, version));
    }

    @EventHandler
    void on(ContactPrimaryCleared event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(NOT_PRIMARY, event.contactId(), event.contactId(), false, Columns.timestamp(at), version);
    }

    @EventHandler
    void on(ContactDeleted event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(NOT_PRIMARY, event.contactId(), event.contactId(), true, Columns.timestamp(at), version);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    public Versioned handle(ContactQueries.FindContact query) {
        return readQueries.one("SELECT * FROM contacts WHERE id = :id",
                new MapSqlParameterSource("id", query.contactId()), VIEW);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    public PageResult handle(ContactQueries.ListContacts query) {
        return readQueries.page("SELECT * FROM contacts WHERE client_id = :clientId AND is_active",
                "ORDER BY lower(last_name), lower(first_name), id",
                new MapSqlParameterSource("clientId", query.clientId()), query.page(), VIEW);
    }

    private static Object[] details(long contactId, long clientId, ContactDetails details, Instant at, long version) {
        return new Object[]{contactId, clientId, details.firstName(), details.lastName(), details.email(),
                details.phone(), details.mobile(), details.title(), details.department(), details.role(),
                details.isPrimary(), details.address(), details.notes(), details.tags(), Columns.timestamp(at), version};
    }
}
