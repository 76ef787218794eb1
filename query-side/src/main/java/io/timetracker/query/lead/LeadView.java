package io.timetracker.query.lead;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A lead as the API shows it (contract §7): {@code fullName} and {@code name} are the person's name,
 * {@code displayName} adds the company in parentheses, {@code company} is {@code companyName}; the
 * {@code convertedTo…} ids link to what the lead became.
 */
public record LeadView(long id, String firstName, String lastName, String fullName, String name, String displayName,
                       String companyName, String company, String email, String phone, String title, String source,
                       String status, Integer score, BigDecimal estimatedValue, String currencyCode, String notes,
                       String tags, List<String> tagList, long ownerId, long createdBy, Long convertedToClientId,
                       Long convertedToContactId, Long convertedToDealId, Instant convertedAt, Long convertedBy,
                       Instant createdAt, Instant updatedAt) {
}
