package io.timetracker.events.user;

/** A user account was created; {@code passwordHash} is an adaptive hash (never a plain password), or null. */
public record UserRegistered(long userId, String username, UserProfile profile, String passwordHash) {
}
