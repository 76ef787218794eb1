package io.timetracker.query.user;

import java.time.Instant;

/** A user as the API shows it (contract §2). */
public record UserView(long id, String username, String email, String fullName, String displayName, String role,
                       boolean isAdmin, boolean isActive, String timezone, String dateFormat, String timeFormat,
                       Instant createdAt, Instant updatedAt) {
}
