package io.timetracker.query.project;

import java.math.BigDecimal;
import java.time.Instant;

/** A project as the API shows it (contract §4). */
public record ProjectView(long id, String name, String code, long clientId, String client, String description,
                          boolean billable, BigDecimal hourlyRate, String billingRef, String status,
                          BigDecimal estimatedHours, BigDecimal budgetAmount, int budgetThresholdPercent,
                          Long managerId, double totalHours, double totalBillableHours, boolean isArchived,
                          Instant archivedAt, Long archivedBy, Instant createdAt, Instant updatedAt) {
}
