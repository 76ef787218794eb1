package io.timetracker.query.audit;

import io.timetracker.events.AggregateIds;
import io.timetracker.query.audit.AuditQueries.AuditFilter;
import io.timetracker.query.common.Columns;
import io.timetracker.query.common.JsonColumns;
import io.timetracker.query.common.OptionalConditions;
import io.timetracker.query.common.PageRequest;
import io.timetracker.query.common.PageResult;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The queries on the audit log. A page is chosen on {@code audit_log} alone (an index walk in list order) and only its
 * rows are joined to the actor's username and the token's prefix.
 *
 * <p>Following the log: row ids are event indexes, taken from a sequence when each event is appended, so they are not
 * in commit order: a transaction that took index 5 may commit after one that took 6, and a follower that had read up
 * to 6 would never see 5. So the follower is served in the order of the writing transactions' ids, then row ids, and
 * only rows of transactions older than the oldest one still running (the reading snapshot's {@code xmin}): every such
 * transaction has ended, so no row can still appear before the last row served, and following {@code next_cursor}
 * neither skips a row nor returns one twice. Rows of a transaction still running are served once it has ended.
 */
@Component
public class AuditLogReads {

    private static final String WITH_NAMES = "SELECT a.*, u.username, t.token_prefix FROM (%s) a "
            + "LEFT JOIN users u ON u.id = a.actor_id LEFT JOIN api_tokens t ON t.id = a.token_id ";
    private static final String NEWEST_FIRST = " ORDER BY a.id DESC";
    private static final String OLDEST_FIRST = " ORDER BY a.id";
    private static final String IN_COMMIT_ORDER = " ORDER BY a.xact_id, a.id";
    /** Rows of transactions that have all ended, after the cursor row (or from the first). */
    private static final String AFTER_CURSOR = " AND a.xact_id < (SELECT pg_snapshot_xmin(pg_current_snapshot()))"
            + " AND (a.xact_id, a.id) > ";

    private final NamedParameterJdbcTemplate jdbc;

    public AuditLogReads(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    public PageResult handle(AuditQueries.ListAuditLog query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(query.filter(), params);
        List<AuditRow> rows = page(where, NEWEST_FIRST, query.page(), params);
        return new PageResult<>(rows, total(rows.size(), query.page(), () -> countsCover(query.filter())
                ? sumOfCounts(query.filter(), params) : count(where, params)));
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    public PageResult handle(AuditQueries.FollowAuditLog query) {
        MapSqlParameterSource params = new MapSqlParameterSource("after", query.after());
        if (query.after() > 0 && !jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM audit_log WHERE id = :after)",
                params, Boolean.class)) {
            return null;
        }
        String where = where(query.filter(), params) + AFTER_CURSOR + (query.after() > 0
                ? "(SELECT c.xact_id, c.id FROM audit_log c WHERE c.id = :after)" : "('0'::xid8, 0::bigint)");
        List<AuditRow> rows = page(where, IN_COMMIT_ORDER, query.page(), params);
        return new PageResult<>(rows, total(rows.size(), query.page(), () -> count(where, params)));
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    public PageResult handle(AuditQueries.FindHistory query) {
        // The rows of the resource's own event stream: its entity's and those of entities it decides (approvals).
        MapSqlParameterSource params = new MapSqlParameterSource("aggregate",
                AggregateIds.of(query.aggregateType(), query.entityId()));
        String where = " WHERE a.id IN (SELECT d.global_index FROM domain_event_entry d"
                + " WHERE d.aggregate_identifier = :aggregate)";
        List<AuditRow> rows = page(where, OLDEST_FIRST, query.page(), params);
        return new PageResult<>(rows, total(rows.size(), query.page(), () -> count(where, params)));
    }

    private List<AuditRow> page(String where, String order, PageRequest page, MapSqlParameterSource params) {
        params.addValue("limit", page.perPage()).addValue("offset", page.offset());
        return jdbc.query(WITH_NAMES.formatted("SELECT * FROM audit_log a" + where + order
                + " LIMIT :limit OFFSET :offset") + order, params, (rs, row) -> row(rs));
    }

    /** The list's size: told by the page itself when it is partly filled (or the first page is empty), else counted. */
    private static long total(int rows, PageRequest page, LongSupplier count) {
        if (rows > 0 && rows < page.perPage() || rows == 0 && page.page() == 1) {
            return page.offset() + rows;
        }
        return count.getAsLong();
    }

    private long count(String where, MapSqlParameterSource params) {
        return jdbc.queryForObject("SELECT count(*) FROM audit_log a" + where, params, Long.class);
    }

    /** Whether the list is narrowed by nothing but entity type and actor, whose totals {@code audit_log_counts} keeps. */
    private static boolean countsCover(AuditFilter filter) {
        return filter.entityId() == null && filter.action() == null && filter.from() == null
                && filter.before() == null;
    }

    private long sumOfCounts(AuditFilter filter, MapSqlParameterSource params) {
        return jdbc.queryForObject("SELECT coalesce(sum(row_count), 0) FROM audit_log_counts WHERE true"
                + (filter.entityType() == null ? "" : " AND entity_type = :entityType")
                + (filter.actorId() == null ? "" : " AND actor_id = :actorId"), params, Long.class);
    }

    private static String where(AuditFilter filter, MapSqlParameterSource params) {
        return new OptionalConditions(params)
                .and("a.entity_type = :entityType", "entityType", filter.entityType())
                .and("a.entity_id = :entityId", "entityId", filter.entityId())
                .and("a.actor_id = :actorId", "actorId", filter.actorId())
                .and("a.action = :action", "action", filter.action())
                .and("a.at >= :from", "from", Columns.timestamp(filter.from()))
                .and("a.at < :before", "before", Columns.timestamp(filter.before()))
                .sql();
    }

    private static AuditRow row(ResultSet rs) throws SQLException {
        Long actorId = Columns.nullableLong(rs, "actor_id");
        return new AuditRow(rs.getLong("id"), Columns.instant(rs, "at"), rs.getString("entity_type"),
                rs.getLong("entity_id"), rs.getString("action"),
                new AuditRow.Actor(actorId, rs.getString("username")), rs.getString("token_prefix"),
                rs.getObject("token_id") != null ? AuditRow.API_TOKEN : rs.getString("channel"),
                rs.getString("request_id"), rs.getString("ip_address"), rs.getString("user_agent"),
                rs.getString("reason"), changes(rs.getString("changes")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, AuditRow.FieldChange> changes(String json) {
        Map<String, AuditRow.FieldChange> changes = new LinkedHashMap<>();
        JsonColumns.readMap(json).forEach((field, change) -> {
            Map<String, Object> fromTo = (Map<String, Object>) change;
            changes.put(field, new AuditRow.FieldChange(value(field, fromTo.get("from")),
                    value(field, fromTo.get("to"))));
        });
        return changes;
    }

    /**
     * Instants are stored as ISO text (see {@link AuditFields}); a field named as an instant ({@code …_at},
     * {@code …_time}) is read back as one, so that the API shows it in the server's zone like every other instant.
     */
    private static Object value(String field, Object value) {
        if (value instanceof String text && (field.endsWith("_at") || field.endsWith("_time"))) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notAnInstant) {
                return text;
            }
        }
        return value;
    }
}
