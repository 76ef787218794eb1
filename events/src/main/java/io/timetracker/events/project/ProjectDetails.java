package io.timetracker.events.project;

import java.math.BigDecimal;

/** Everything about a project that a user edits (status aside). {@code code} is upper-case or null. */
public record ProjectDetails(String name, String code, long clientId, String description, boolean billable,
                             BigDecimal hourlyRate, String billingRef, BigDecimal estimatedHours,
                             BigDecimal budgetAmount, int budgetThresholdPercent, Long managerId) {
}
