package io.timetracker.query.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded change: who did what to which entity, when, through which token (its prefix), in which request, from
 * which address and why; {@code changes} maps each changed field to its old and new value. {@code channel} is how
 * the actor came: {@value #API_TOKEN} (then {@code viaToken} names it), {@value #WEB_SESSION} (the admin web), or
 * null (the server itself, or a sign-in).
 */
public record AuditRow(long id, Instant at, String entityType, long entityId, String action, Actor actor,
                       String viaToken, String channel, String requestId, String ipAddress, String userAgent,
                       String reason, Map<String, FieldChange> changes) {

    public static final String API_TOKEN = "api_token";
    public static final String WEB_SESSION = "web_session";

    /** Who acted; null fields when the server itself acted. */
    public record Actor(Long id, String username) {
    }

    public record FieldChange(Object from, Object to) {
    }
}
