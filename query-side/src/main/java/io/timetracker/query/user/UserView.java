package io.timetracker.query.user;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/**
 * A user as the API shows it (contract §2). {@code timezone} is the user's own zone or, when they chose none,
 * the server's; {@code chosenTimezone} is what they chose (null: none), which an update merges over.
 */
public record UserView(long id, String username, String email, String fullName, String displayName, String role,
                       boolean isAdmin, boolean isActive, String timezone, @JsonIgnore String chosenTimezone,
                       String dateFormat, String timeFormat, Instant createdAt, Instant updatedAt) {
}
