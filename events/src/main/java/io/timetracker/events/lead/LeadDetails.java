package io.timetracker.events.lead;

import java.math.BigDecimal;

/**
 * Everything about a lead that a user edits. {@code status}: new, contacted, qualified, converted, lost;
 * {@code score}: 0..100 or null; {@code tags}: a comma-separated string or null.
 */
public record LeadDetails(String firstName, String lastName, String companyName, String email, String phone,
                          String title, String source, String status, Integer score, BigDecimal estimatedValue,
                          String currencyCode, String notes, String tags, long ownerId) {
}
