package io.timetracker.query.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded change: who did what to which entity, when, through which token (its prefix), in which request, from
 * which address and why; {@code changes} maps each changed field to its old and new value.
 */
public record AuditRow(long id, Instant at, String entityType, long entityId, String action, Actor actor,
                       String viaToken, String requestId, String ipAddress, String userAgent, String reason,
                       Map<String, FieldChange> changes) {

    /** Who acted; null fields when the server itself acted. */
    public record Actor(Long id, String username) {
    }

    public record FieldChange(Object from, Object to) {
    }
}
