package io.timetracker.query.user;

import io.timetracker.events.user.UserDeactivated;
import io.timetracker.events.user.UserPasswordChanged;
import io.timetracker.events.user.UserProfile;
import io.timetracker.events.user.UserProfileChanged;
import io.timetracker.events.user.UserReactivated;
import io.timetracker.events.user.UserRegistered;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * The {@code users} read table and the queries on it. A user who has chosen no time zone is shown in the
 * server's ({@code timetracker.timezone}): clients format times with it and must always get one.
 */
@Component
@ProcessingGroup(UserProjection.GROUP)
public class UserProjection {

    public static final String GROUP = "users";

    private final NamedParameterJdbcTemplate jdbc;
    private final ReadQueries readQueries;
    private final RowMapper<UserView> view;

    public UserProjection(NamedParameterJdbcTemplate jdbc, ReadQueries readQueries,
                          @Value("${timetracker.timezone:UTC}") String serverZone) {
        this.jdbc = jdbc;
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
        jdbc.update("""
                INSERT INTO users (id, username, password_hash, is_active, created_at, updated_at, version,
                                   email, full_name, role, timezone, date_format, time_format)
                VALUES (:id, :username, :passwordHash, true, :at, :at, :version,
                        :email, :fullName, :role, :timezone, :dateFormat, :timeFormat)
                ON CONFLICT (id) DO NOTHING""",
                profile(event.userId(), event.profile(), at, version)
                        .addValue("username", event.username())
                        .addValue("passwordHash", event.passwordHash()));
    }

    @EventHandler
    void on(UserProfileChanged event, @Timestamp Instant at, @SequenceNumber long version) {
        jdbc.update("""
                UPDATE users SET email = :email, full_name = :fullName, role = :role, timezone = :timezone,
                       date_format = :dateFormat, time_format = :timeFormat, updated_at = :at, version = :version
                WHERE id = :id AND version < :version""", profile(event.userId(), event.profile(), at, version));
    }

    @EventHandler
    void on(UserPasswordChanged event, @Timestamp Instant at, @SequenceNumber long version) {
        update(event.userId(), "password_hash = :hash", at, version,
                new MapSqlParameterSource("hash", event.passwordHash()));
    }

    @EventHandler
    void on(UserDeactivated event, @Timestamp Instant at, @SequenceNumber long version) {
        update(event.userId(), "is_active = false", at, version, new MapSqlParameterSource());
    }

    @EventHandler
    void on(UserReactivated event, @Timestamp Instant at, @SequenceNumber long version) {
        update(event.userId(), "is_active = true", at, version, new MapSqlParameterSource());
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().execute("TRUNCATE users");
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

    private void update(long userId, String assignment, Instant at, long version, MapSqlParameterSource params) {
        jdbc.update("UPDATE users SET " + assignment + ", updated_at = :at, version = :version"
                        + " WHERE id = :id AND version < :version",
                params.addValue("id", userId).addValue("at", Columns.timestamp(at)).addValue("version", version));
    }

    private static MapSqlParameterSource profile(long userId, UserProfile profile, Instant at, long version) {
        return new MapSqlParameterSource()
                .addValue("id", userId)
                .addValue("at", Columns.timestamp(at))
                .addValue("version", version)
                .addValue("email", profile.email())
                .addValue("fullName", profile.fullName())
                .addValue("role", profile.role())
                .addValue("timezone", profile.timezone())
                .addValue("dateFormat", profile.dateFormat())
                .addValue("timeFormat", profile.timeFormat());
    }
}
