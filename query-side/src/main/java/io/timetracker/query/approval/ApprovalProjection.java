package io.timetracker.query.approval;

import io.timetracker.events.approval.ApprovalCancelled;
import io.timetracker.events.approval.ApprovalGranted;
import io.timetracker.events.approval.ApprovalRejected;
import io.timetracker.events.approval.ApprovalRequested;
import io.timetracker.events.approval.ApprovalRevoked;
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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.timetracker.query.common.RowStatement.bigint;
import static io.timetracker.query.common.RowStatement.integer;
import static io.timetracker.query.common.RowStatement.text;
import static io.timetracker.query.common.RowStatement.timestamp;

/**
 * The {@code time_entry_approvals} read table (one row per level of each request's chain) and the queries on it.
 * A row's {@code version} is the sequence number of the entry's event that last changed it: approvals are events of
 * their entry's stream. Every statement is idempotent (insert if absent, update if newer).
 */
@Component
@ProcessingGroup(ApprovalProjection.GROUP)
@ReadModel(name = ApprovalProjection.GROUP, tables = "time_entry_approvals")
public class ApprovalProjection {

    public static final String GROUP = "time-entry-approvals";

    private static final String SELECT = "SELECT * FROM time_entry_approvals a";

    private static final RowStatement REQUEST = RowStatement.of("time_entry_approvals", """
            INSERT INTO time_entry_approvals (id, time_entry_id, entry_owner_id, status, requested_by, requested_at,
                                              request_comment, approval_level, parent_approval_id, approver_ids,
                                              entry_version, version)
            SELECT id, time_entry_id, entry_owner_id, 'pending', requested_by, at, request_comment, approval_level,
                   parent_approval_id, approver_ids::bigint[], entry_version, version
            FROM rows
            ON CONFLICT (id) DO NOTHING""", bigint("id"), bigint("time_entry_id"), bigint("entry_owner_id"),
            bigint("requested_by"), timestamp("at"), text("request_comment"), integer("approval_level"),
            bigint("parent_approval_id"), text("approver_ids"), bigint("entry_version"), bigint("version"));

    private static final RowStatement GRANT = decision("""
            status = 'approved', approved_by = r.actor, approved_at = r.at, approval_comment = r.note""");

    private static final RowStatement REJECT = decision("""
            status = 'rejected', rejected_by = r.actor, rejected_at = r.at, rejection_reason = r.note""");

    private static final RowStatement CANCEL = decision("""
            status = 'cancelled', cancelled_by = r.actor, cancelled_at = r.at, cancellation_reason = r.note""");

    /** The approval stays on record for the version it approved; the amendment is noted on it. */
    private static final RowStatement REVOKE = decision("""
            revoked_by = r.actor, revoked_at = r.at, revocation_reason = r.note""");

    private final ProjectionWrites writes;
    private final ReadQueries readQueries;

    public ApprovalProjection(ProjectionWrites writes, ReadQueries readQueries) {
        this.writes = writes;
        this.readQueries = readQueries;
    }

    /** A statement that records who acted on a request, when, with what text ({@code note}), and the new version. */
    private static RowStatement decision(String assignments) {
        return RowStatement.of("time_entry_approvals", "UPDATE time_entry_approvals a SET " + assignments.strip()
                        + ", version = r.version FROM rows r WHERE a.id = r.id AND a.version < r.version",
                bigint("id"), bigint("actor"), timestamp("at"), text("note"), bigint("version"));
    }

    @EventHandler
    void on(ApprovalRequested event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(REQUEST, event.approvalId(), event.approvalId(), event.entryId(), event.entryOwnerId(),
                event.requestedBy(), Columns.timestamp(at), event.comment(), event.level(), event.parentApprovalId(),
                idArray(event.approverIds()), event.entryVersion(), version);
    }

    @EventHandler
    void on(ApprovalGranted event, @Timestamp Instant at, @SequenceNumber long version) {
        decided(GRANT, event.approvalId(), event.approvedBy(), event.comment(), at, version);
    }

    @EventHandler
    void on(ApprovalRejected event, @Timestamp Instant at, @SequenceNumber long version) {
        decided(REJECT, event.approvalId(), event.rejectedBy(), event.reason(), at, version);
    }

    @EventHandler
    void on(ApprovalCancelled event, @Timestamp Instant at, @SequenceNumber long version) {
        decided(CANCEL, event.approvalId(), event.cancelledBy(), event.cause(), at, version);
    }

    @EventHandler
    void on(ApprovalRevoked event, @Timestamp Instant at, @SequenceNumber long version) {
        decided(REVOKE, event.approvalId(), event.revokedBy(), event.reason(), at, version);
    }

    private void decided(RowStatement statement, long approvalId, long actor, String note, Instant at, long version) {
        writes.add(statement, approvalId, approvalId, actor, Columns.timestamp(at), note, version);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    public Versioned handle(ApprovalQueries.FindApproval query) {
        return readQueries.one(SELECT + " WHERE a.id = :id", new MapSqlParameterSource("id", query.approvalId()),
                (rs, row) -> view(rs));
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    public PageResult handle(ApprovalQueries.ListApprovals query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<String> where = new ArrayList<>();
        if (query.concerning() != null) {
            where.add("(a.requested_by = :caller OR a.entry_owner_id = :caller OR a.approver_ids @> ARRAY[:caller])");
            params.addValue("caller", query.concerning());
        }
        if (query.status() != null) {
            where.add("a.status = :status");
            params.addValue("status", query.status());
        }
        if (query.timeEntryId() != null) {
            where.add("a.time_entry_id = :entryId");
            params.addValue("entryId", query.timeEntryId());
        }
        if (query.requestedBy() != null) {
            where.add("a.requested_by = :requestedBy");
            params.addValue("requestedBy", query.requestedBy());
        }
        String select = SELECT + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
        return readQueries.page(select, "ORDER BY requested_at DESC, id DESC", params, query.page(),
                (rs, row) -> view(rs));
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    public PageResult handle(ApprovalQueries.ListEntryApprovals query) {
        return readQueries.page(SELECT + " WHERE a.time_entry_id = :entryId", "ORDER BY requested_at, id",
                new MapSqlParameterSource("entryId", query.entryId()), query.page(), (rs, row) -> view(rs));
    }

    private static String idArray(List<Long> ids) {
        return Columns.arrayLiteral(ids.stream().map(String::valueOf).toList());
    }

    private static ApprovalView view(ResultSet rs) throws SQLException {
        return new ApprovalView(rs.getLong("id"), rs.getLong("time_entry_id"), rs.getLong("entry_owner_id"),
                rs.getString("status"), rs.getLong("requested_by"), Columns.instant(rs, "requested_at"),
                rs.getString("request_comment"), rs.getInt("approval_level"),
                Columns.nullableLong(rs, "parent_approval_id"), ids(rs.getArray("approver_ids")),
                Columns.nullableLong(rs, "approved_by"), Columns.instant(rs, "approved_at"),
                rs.getString("approval_comment"), Columns.nullableLong(rs, "rejected_by"),
                Columns.instant(rs, "rejected_at"), rs.getString("rejection_reason"),
                Columns.nullableLong(rs, "cancelled_by"), Columns.instant(rs, "cancelled_at"),
                rs.getString("cancellation_reason"), Columns.nullableLong(rs, "revoked_by"),
                Columns.instant(rs, "revoked_at"), rs.getString("revocation_reason"), rs.getLong("entry_version"));
    }

    private static List<Long> ids(Array array) throws SQLException {
        return Arrays.asList((Long[]) array.getArray());
    }
}
