package io.timetracker.query.audit;

import io.timetracker.query.common.PageRequest;

import java.time.Instant;

/** The queries the audit log answers: the whole log, following it, and one entity's history. */
public final class AuditQueries {

    private AuditQueries() {
    }

    /**
     * Which rows: every filter may be null (not applied); {@code actorId} is who acted, rows recorded in [{@code from},
     * {@code before}).
     */
    public record AuditFilter(String entityType, Long entityId, Long actorId, String action, Instant from,
                              Instant before) {
    }

    /** Answers {@code PageResult<AuditRow>}, newest first (id descending). */
    public record ListAuditLog(AuditFilter filter, PageRequest page) {
    }

    /**
     * Answers {@code PageResult<AuditRow>} of the rows recorded after row {@code after} (0: from the first), oldest
     * first, only as far as no row can still commit before them; or null when there is no row {@code after}.
     */
    public record FollowAuditLog(long after, AuditFilter filter, PageRequest page) {
    }

    /**
     * Answers {@code PageResult<AuditRow>} of one entity, oldest first; {@code aggregateType} as in
     * {@code AggregateIds}.
     */
    public record FindHistory(String aggregateType, long entityId, PageRequest page) {
    }
}
