package io.timetracker.query.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** A client as the API shows it (contract §3). */
public record ClientView(long id, String name, String description, String contactPerson, String company,
                         String email, String phone, String address, BigDecimal defaultHourlyRate, String status,
                         boolean isActive, Map<String, Object> customFields, long totalProjects,
                         long activeProjects, Instant createdAt, Instant updatedAt) {
}
