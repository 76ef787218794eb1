package io.timetracker.events.deal;

import java.time.Instant;

/** The deal now reads {@code details} with {@code status}, closed since {@code closedAt} (null while open). */
public record DealUpdated(long dealId, DealDetails details, String status, Instant closedAt) {
}
