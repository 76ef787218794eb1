package io.timetracker.query.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A deal as the API shows it (contract §7): {@code weightedValue} is value × probability / 100 (null without a
 * value); {@code closedAt} is when it was won or lost (null while open or cancelled).
 */
public record DealView(long id, String name, Long clientId, Long contactId, Long leadId, String description,
                       String stage, String status, BigDecimal value, String currencyCode, int probability,
                       BigDecimal weightedValue, LocalDate expectedCloseDate, String notes, long ownerId,
                       long createdBy, Instant closedAt, Instant createdAt, Instant updatedAt) {
}
