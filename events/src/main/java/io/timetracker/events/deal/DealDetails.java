package io.timetracker.events.deal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Everything about a deal that a user edits. {@code stage}: prospecting, qualification, proposal, negotiation,
 * closed_won, closed_lost; {@code probability}: 0..100; the owner sees and changes it (besides admins).
 */
public record DealDetails(String name, Long clientId, Long contactId, Long leadId, String description, String stage,
                          BigDecimal value, String currencyCode, int probability, LocalDate expectedCloseDate,
                          String notes, long ownerId) {
}
