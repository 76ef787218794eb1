package io.timetracker.query.user;

import io.timetracker.events.user.UserDeactivated;
import io.timetracker.events.user.UserPasswordChanged;
import io.timetracker.events.user.UserProfile;
import io.timetracker.events.user.UserProfileChanged;
import io.timetracker.events.user.UserReactivated;
import io.timetracker.events.user.UserRegistered;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static io.timetracker.query.common.RowStatement.bigint;
import static io.timetracker.query.common.RowStatement.bool;
import static io.timetracker.query.common.RowStatement.text;
import static io.timetracker.query.common.RowStatement.timestamp;

/**
 * The {@code users} read table and the queries on it. A user who has chosen no time zone is shown in the
 * server's ({@code timetracker.timezone}): clients format times with it and must always get one.
 */
@Component
@ProcessingGroup(UserProjection.GROUP)
@ReadModel(name = UserProjection.GROUP, tables = "users")
public class UserProjection {

    public static final String GROUP = "users";

    private static final RowStatement REGISTER = RowStatement.of("users", """
            INSERT INTO users (id, username, password_hash, is_active, created_at, updated_at, version, email,
                               full_name, role, timezone, date_format, time_format)
            SELECT id, username, password_hash, true, at, at, version, email, full_name, role, timezone,
                   date_format, time_format
            FROM rows
            ON CONFLICT (id) DO NOTHING""", bigint("id"), text("username"), text("password_hash"), text("email"),
            text("full_name"), text("role"), text("timezone"), text("date_format"), text("time_format"),
            timestamp("at"), bigint("version"));

    private static final RowStatement PROFILE = RowStatement.of("users", """
            UPDATE users u SET email = r.email, full_name = r.full_name, role = r.role, timezone = r.timezone,
                   date_format = r.date_format, time_format = r.time_format, updated_at = r.at, version = r.version
            FROM rows r WHERE u.id = r.id AND u.version < r.version""", bigint("id"), text("email"),
            text("full_name"), text("role"), text("timezone"), text("date_format"), text("time_format"),
            timestamp("at"), bigint("version"));

    private static final RowStatement PASSWORD = RowStatement.of("users", """
            UPDATE users u SET password_hash = r.password_hash, updated_at = r.at, version = r.version
            FROM rows r WHERE u.id = r.id AND u.version < r.version""",
            bigint("id"), text("password_hash"), timestamp("at"), bigint("version"));

    private static final RowStatement ACTIVE = RowStatement.of("users", """
            UPDATE users u SET is_active = r.active, updated_at = r.at, version = r.version
            FROM rows r WHERE u.id = r.id AND u.version < r.version""",
            bigint("id"), bool("active"), timestamp("at"), bigint("version"));

    private final NamedParameterJdbcTemplate jdbc;
    private final ProjectionWrites writes;
    private final ReadQueries readQueries;
    private final RowMapper<UserView> view;

    public UserProjection(NamedParameterJdbcTemplate jdbc, ProjectionWrites writes, ReadQueries readQueries,
                          @Value("${timetracker.timezone:UTC}") String serverZone) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.readQueries = readQueries;
        this.view = (rs, row) -> {
            String fullName = rs.getString("full_name");
            String username = rs.getString("username");
            String zone = rs.getString("timezone");
            return new UserView(rs.getLong("id"), username, rs.getString("email"), fullName,
                    fullName == null || fullName.isBlank() ? username : fullName, rs.getString("role"),
                    "admin".equals(rs.getString("role")), rs.getBoolean("is_active"), zone == null ? serverZone : zone, zone,
                    rs.getString("date_format"), rs.getString("time_format"),
                    Columns.instant(rs, "created_at"), Columns.instant(rs, "updated_at"));
        };
    }

    @EventHandler
    void on(UserRegistered event, @Timestamp Instant at, @SequenceNumber long version) {
        UserProfile profile = event.profile();
        writes.add(REGISTER, event.userId(), event.userId(), event.username(), event.passwordHash(),
                profile.email(), profile.fullName(), profile.role(), profile.timezone(), profile.dateFormat(),
                profile.timeFormat(), Columns.timestamp(at), version);
    }

    @EventHandler
    void on(UserProfileChanged event, @Timestamp Instant at, @SequenceNumber long version) {
        UserProfile profile = event.profile();
        writes.add(PROFILE, event.userId(), event.userId(), profile.email(), profile.fullName(), profile.role(),
                profile.timezone(), profile.dateFormat(), profile.timeFormat(), Columns.timestamp(at), version);
    }

    @EventHandler
    void on(UserPasswordChanged event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(PASSWORD, event.userId(), event.userId(), event.passwordHash(), Columns.timestamp(at), version);
    }

    @EventHandler
    void on(UserDeactivated event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(ACTIVE, event.userId(), event.userId(), false, Columns.timestamp(at), version);
    }

    @EventHandler
    void on(UserReactivated event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.add(ACTIVE, event.userId(), event.userId(), true, Columns.timestamp(at), version);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    public Versioned handle(UserQueries.FindUser query) {
        return readQueries.one("SELECT * FROM users WHERE id = :id",
                new MapSqlParameterSource("id", query.userId()), view);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    public PageResult handle(UserQueries.ListUsers query) {
        return readQueries.page("SELECT * FROM users", "ORDER BY lower(username), id",
                new MapSqlParameterSource(), query.page(), view);
    }

    @QueryHandler
    public UserQueries.UserCredentials handle(UserQueries.FindCredentials query) {
        List<UserQueries.UserCredentials> found = jdbc.query(
                "SELECT id, username, role, is_active, password_hash FROM users WHERE lower(username) = lower(:name)",
                new MapSqlParameterSource("name", query.username()),
                (rs, row) -> new UserQueries.UserCredentials(rs.getLong("id"), rs.getString("username"),
                        rs.getString("role"), rs.getBoolean("is_active"), rs.getString("password_hash")));
        return found.isEmpty() ? null : found.get(0);
    }
}
