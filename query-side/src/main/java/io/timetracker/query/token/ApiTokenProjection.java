package io.timetracker.query.token;

import io.timetracker.events.token.ApiTokenIssued;
import io.timetracker.events.token.ApiTokenRevoked;
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
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static io.timetracker.query.common.RowStatement.bigint;
import static io.timetracker.query.common.RowStatement.text;
import static io.timetracker.query.common.RowStatement.timestamp;

/**
 * The {@code api_tokens} read table (keyed by id, looked up by digest) and the queries on it. Usage
 * counters come from {@code api_token_usage}, which {@link TokenUsageRecorder} maintains.
 */
@Component
@ProcessingGroup(ApiTokenProjection.GROUP)
@ReadModel(name = ApiTokenProjection.GROUP, tables = "api_tokens")
public class ApiTokenProjection {

    public static final String GROUP = "api-tokens";

    private static final String SELECT_VIEW = """
            SELECT t.*, u.last_used_at, coalesce(u.usage_count, 0) AS usage_count
            FROM api_tokens t LEFT JOIN api_token_usage u ON u.token_id = t.id""";

    private static final RowMapper<ApiTokenView> VIEW = (rs, row) -> new ApiTokenView(rs.getLong("id"),
            rs.getString("name"), rs.getString("description"), rs.getLong("user_id"), rs.getString("token_prefix"),
            Columns.stringList(rs, "scopes"), Columns.instant(rs, "created_at"), Columns.instant(rs, "expires_at"),
            Columns.instant(rs, "last_used_at"), rs.getLong("usage_count"), rs.getBoolean("is_active"),
            Columns.stringList(rs, "ip_whitelist"));

    private static final RowStatement ISSUE = RowStatement.of("api_tokens", """
            INSERT INTO api_tokens (id, user_id, name, description, token_digest, token_prefix, scopes, expires_at,
                                    ip_whitelist, is_active, rotated_from, created_at, version)
            SELECT id, user_id, name, description, digest, prefix, scopes::text[], expires_at, ips::text[], true,
                   rotated_from, at, version
            FROM rows
            ON CONFLICT (id) DO NOTHING""", bigint("id"), bigint("user_id"), text("name"), text("description"),
            text("digest"), text("prefix"), text("scopes"), timestamp("expires_at"), text("ips"),
            bigint("rotated_from"), timestamp("at"), bigint("version"));

    private static final RowStatement REVOKE = RowStatement.of("api_tokens", """
            UPDATE api_tokens t SET is_active = false, version = r.version
            FROM rows r WHERE t.id = r.id AND t.version < r.version""", bigint("id"), bigint("version"));

    private final NamedParameterJdbcTemplate jdbc;
    private final ProjectionWrites writes;
    private final ReadQueries readQueries;

    public ApiTokenProjection(NamedParameterJdbcTemplate jdbc, ProjectionWrites writes, ReadQueries readQueries) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.readQueries = readQueries;
    }

    @EventHandler
    void on(ApiTokenIssued event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(ISSUE, event.tokenId(), event.tokenId(), event.userId(), event.name(), event.description(),
                event.tokenDigest(), event.tokenPrefix(), arrayLiteral(event.scopes()),
                Columns.timestamp(event.expiresAt()), arrayLiteral(event.ipWhitelist()), event.rotatedFromTokenId(),
                Columns.timestamp(at), version);
    }

    @EventHandler
    void on(ApiTokenRevoked event, @SequenceNumber long version) {
        writes.add(REVOKE, event.tokenId(), event.tokenId(), version);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    public Versioned handle(ApiTokenQueries.FindApiToken query) {
        return readQueries.one(SELECT_VIEW + " WHERE t.id = :id",
                new MapSqlParameterSource("id", query.tokenId()), VIEW);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    public PageResult handle(ApiTokenQueries.ListApiTokens query) {
        MapSqlParameterSource params = new MapSqlParameterSource("userId", query.userId());
        return readQueries.page(SELECT_VIEW + (query.userId() == null ? "" : " WHERE t.user_id = :userId"),
                "ORDER BY created_at DESC, id DESC", params, query.page(), VIEW);
    }

    @QueryHandler
    public ApiTokenQueries.TokenCredential handle(ApiTokenQueries.FindTokenByDigest query) {
        List<ApiTokenQueries.TokenCredential> found = jdbc.query("""
                        SELECT t.id, t.token_prefix, t.is_active, t.expires_at, t.ip_whitelist, t.scopes,
                               u.id AS user_id, u.username, u.role, u.is_active AS user_active
                        FROM api_tokens t JOIN users u ON u.id = t.user_id
                        WHERE t.token_digest = :digest""",
                new MapSqlParameterSource("digest", query.digest()),
                (rs, row) -> new ApiTokenQueries.TokenCredential(rs.getLong("id"), rs.getString("token_prefix"),
                        rs.getBoolean("is_active"), Columns.instant(rs, "expires_at"),
                        Columns.stringList(rs, "ip_whitelist"), Columns.stringList(rs, "scopes"),
                        rs.getLong("user_id"), rs.getString("username"), rs.getString("role"),
                        rs.getBoolean("user_active")));
        return found.isEmpty() ? null : found.get(0);
    }

    private static String arrayLiteral(List<String> values) {
        return values == null ? null : Columns.arrayLiteral(values);
    }
}
