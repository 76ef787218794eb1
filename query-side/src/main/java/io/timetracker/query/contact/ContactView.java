package io.timetracker.query.contact;

import java.time.Instant;
import java.util.List;

/**
 * A client's contact as the API shows it (contract §3): {@code name} is {@code fullName}, {@code tags} the
 * comma-separated string and {@code tagList} the same tags as an array.
 */
public record ContactView(long id, long clientId, String firstName, String lastName, String fullName, String name,
                          String email, String phone, String mobile, String title, String department, String role,
                          boolean isPrimary, String address, String notes, String tags, List<String> tagList,
                          boolean isActive, Instant createdAt, Instant updatedAt) {
}
