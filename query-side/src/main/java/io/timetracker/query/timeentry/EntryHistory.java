package io.timetracker.query.timeentry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An entry's full trail, oldest first, from its own events. {@code ownerId} is whose entry it is and
 * {@code deleted} whether it has been deleted, so the API can decide who may read it.
 */
public record EntryHistory(long ownerId, boolean deleted, List<Change> changes) {

    /** One recorded change: {@code changes} maps each changed field to its {@link FieldChange}. */
    public record Change(Instant at, String action, Actor actor, String viaToken, String reason,
                         Map<String, FieldChange> changes) {
    }

    /** Who acted; null fields when the server itself acted. */
    public record Actor(Long id, String username) {
    }

    public record FieldChange(Object from, Object to) {
    }
}
