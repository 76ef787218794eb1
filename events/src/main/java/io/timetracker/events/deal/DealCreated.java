package io.timetracker.events.deal;

import java.time.Instant;

/**
 * A new deal: {@code status} (open, won, lost, cancelled) follows from its stage; {@code closedAt} is set when it
 * was created closed.
 */
public record DealCreated(long dealId, DealDetails details, String status, Instant closedAt, long createdBy) {
}
