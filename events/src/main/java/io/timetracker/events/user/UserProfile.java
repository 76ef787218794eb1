package io.timetracker.events.user;

/** The editable part of a user: everything but the username, the password and the active flag. */
public record UserProfile(String email, String fullName, String role, String timezone,
                          String dateFormat, String timeFormat) {
}
